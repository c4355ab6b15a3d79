import "server-only";
import { createMcpHandler } from "mcp-handler";
import { registerTools } from "@/lib/mcp/tools";

const instructions =
  "The signed-in person's task list. Use list_tasks to see tasks (ids come from its results), " +
  "get_task for one, add_task, update_task, complete_task and delete_task to change them. " +
  "Errors name an error_code (NOT_FOUND, VALIDATION_ERROR with the fields at fault, RATE_LIMITED, …).";

/** The MCP server (Streamable HTTP, stateless: a fresh server per request), answering behind lib/mcp/route.ts. */
export const serveMcp = createMcpHandler(registerTools, {
  serverInfo: { name: "todo-next", version: "1.0.0" },
  instructions,
  // No OpenTelemetry here: the route's log line is the record of each request.
  telemetry: false,
});
