import "server-only";
import type { CallToolResult, McpServer, StandardSchemaWithJSON, ToolAnnotations } from "@modelcontextprotocol/server";
import type { z } from "zod";
import { consumeRateLimit } from "@/lib/api/rate-limit";
import { parseRequestValue } from "@/lib/api/field-errors";
import { requireSomeField } from "@/lib/api/request-body";
import { AppError } from "@/lib/errors";
import { callOf, type McpCall } from "@/lib/mcp/call";
import { TASK_SCOPES, type TaskScope } from "@/lib/mcp/settings";
import {
  AddTaskArguments,
  DeleteTaskResult,
  ListTasksArguments,
  TaskArguments,
  UpdateTaskArguments,
} from "@/lib/mcp/tool-schemas";
import { toolFailure, toolSuccess } from "@/lib/mcp/tool-result";
import { withCheckedCursor } from "@/lib/tasks/list-query";
import { TaskListResponse, TaskResponse, type TaskResponseBody } from "@/lib/tasks/schema";
import { listTasks } from "@/lib/tasks/list";
import { createTask, deleteTask, getTask, updateTask } from "@/lib/tasks/service";

/**
 * The MCP tools: the REST API's operations, through the same service layer, for the token's
 * user only (never a user named in the arguments), within the same per-user request budget.
 */

interface ToolDefinition<S extends z.ZodType> {
  name: string;
  title: string;
  description: string;
  scope: TaskScope;
  args: S;
  result: z.ZodType;
  annotations: ToolAnnotations;
  run: (userId: string, input: z.output<S>) => Promise<{ summary: string; structured: Record<string, unknown> }>;
}

/** A tool as registered: its definition with the arguments' type erased behind `call`. */
interface McpTool extends Omit<ToolDefinition<z.ZodType>, "run"> {
  call: (call: McpCall, raw: unknown) => Promise<CallToolResult>;
}

const tool = <S extends z.ZodType>({ run, ...definition }: ToolDefinition<S>): McpTool => ({
  ...definition,
  call: (call, raw) => runTool({ ...definition, run }, call, raw),
});

const state = (task: TaskResponseBody) => (task.complete ? "done" : "open");
const quoted = (task: TaskResponseBody) => JSON.stringify(task.title);

export const tools: McpTool[] = [
  tool({
    name: "list_tasks",
    title: "List tasks",
    description:
      "List the user's tasks, newest first by default. Filter by `complete`, search with `q`, sort with `sort` and `order`; " +
      "pages of `limit` tasks, the next one with `cursor` = the result's `next_cursor`. Returns `tasks`, `count` (all matching) and `next_cursor`.",
    scope: TASK_SCOPES.read,
    args: withCheckedCursor(ListTasksArguments),
    result: TaskListResponse,
    annotations: { title: "List tasks", readOnlyHint: true, openWorldHint: false },
    run: async (userId, input) => {
      const list = await listTasks(userId, input);
      const more = list.next_cursor ? "; more with cursor" : "";
      return { summary: `${list.tasks.length} of ${list.count} matching tasks${more}.`, structured: list };
    },
  }),
  tool({
    name: "get_task",
    title: "Get a task",
    description: "One task of the user by its id.",
    scope: TASK_SCOPES.read,
    args: TaskArguments,
    result: TaskResponse,
    annotations: { title: "Get a task", readOnlyHint: true, openWorldHint: false },
    run: async (userId, { task_id }) => {
      const task = await getTask(userId, task_id);
      return { summary: `Task ${task.id}: ${quoted(task)} (${state(task)}).`, structured: task };
    },
  }),
  tool({
    name: "add_task",
    title: "Add a task",
    description: "Add a task to the user's list: a title (1-200 characters) and an optional description (up to 1000).",
    scope: TASK_SCOPES.write,
    args: AddTaskArguments,
    result: TaskResponse,
    annotations: { title: "Add a task", readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    run: async (userId, input) => {
      const task = await createTask(userId, input);
      return { summary: `Added task ${task.id}: ${quoted(task)}.`, structured: task };
    },
  }),
  tool({
    name: "update_task",
    title: "Change a task",
    description:
      "Change a task's title, description (null removes it) or complete flag; only the fields given change, at least one is required.",
    scope: TASK_SCOPES.write,
    args: UpdateTaskArguments,
    result: TaskResponse,
    annotations: { title: "Change a task", readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    run: async (userId, { task_id, ...changes }) => {
      const task = await updateTask(userId, task_id, requireSomeField(changes));
      return { summary: `Changed task ${task.id}: ${quoted(task)} (${state(task)}).`, structured: task };
    },
  }),
  tool({
    name: "complete_task",
    title: "Complete a task",
    description: "Mark a task done.",
    scope: TASK_SCOPES.write,
    args: TaskArguments,
    result: TaskResponse,
    annotations: { title: "Complete a task", readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    run: async (userId, { task_id }) => {
      const task = await updateTask(userId, task_id, { complete: true });
      return { summary: `Task ${task.id} is done: ${quoted(task)}.`, structured: task };
    },
  }),
  tool({
    name: "delete_task",
    title: "Delete a task",
    description: "Delete a task for good.",
    scope: TASK_SCOPES.write,
    args: TaskArguments,
    result: DeleteTaskResult,
    annotations: { title: "Delete a task", readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    run: async (userId, { task_id }) => {
      await deleteTask(userId, task_id);
      return { summary: `Deleted task ${task_id}.`, structured: DeleteTaskResult.parse({ task_id, deleted: true }) };
    },
  }),
];

/**
 * The schema a tool advertises (its JSON Schema, from the contract) without the SDK validating
 * arguments against it: the tool does, so a bad argument is a VALIDATION_ERROR naming the field,
 * like the API's 422, instead of the SDK's own message.
 */
function advertised(schema: z.ZodType): StandardSchemaWithJSON {
  return {
    "~standard": { version: 1, vendor: "todo-next", validate: (value) => ({ value }), jsonSchema: schema["~standard"].jsonSchema },
  };
}

function forbidden(scope: TaskScope): AppError {
  return scope === TASK_SCOPES.write
    ? new AppError("AUTH_FORBIDDEN", "This connection may only read tasks: its app asked for tasks:read. Changing tasks needs a connection with tasks:write.")
    : new AppError("AUTH_FORBIDDEN", "This connection may not read tasks (scope tasks:read).");
}

async function runTool<S extends z.ZodType>(definition: ToolDefinition<S>, call: McpCall, raw: unknown): Promise<CallToolResult> {
  call.tool = definition.name;
  try {
    if (!call.principal.scopes.has(definition.scope)) throw forbidden(definition.scope);
    // Like a REST request: the budget counts the call before its arguments are looked at.
    await consumeRateLimit(call.principal.userId);
    const args = parseRequestValue(definition.args, raw ?? {}, "arguments");
    const { summary, structured } = await definition.run(call.principal.userId, args);
    return toolSuccess(summary, structured);
  } catch (error) {
    const { result, code } = toolFailure(error, call.requestId);
    call.errorCode = code;
    return result;
  }
}

export function registerTools(server: McpServer): void {
  for (const definition of tools) {
    server.registerTool(
      definition.name,
      {
        title: definition.title,
        description: definition.description,
        inputSchema: advertised(definition.args),
        outputSchema: definition.result,
        annotations: definition.annotations,
      },
      (raw, ctx) => definition.call(callOf(ctx), raw),
    );
  }
}
