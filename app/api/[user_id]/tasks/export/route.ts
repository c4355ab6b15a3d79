import { streamedDownload } from "@/lib/api/download";
import { parseQuery } from "@/lib/api/query";
import { methodNotAllowed, preflight, userRoute } from "@/lib/api/route";
import { exportChunks } from "@/lib/tasks/export";
import { TaskExportQuery } from "@/lib/tasks/schema";

// A static segment: Next routes /tasks/export here, never to /tasks/{task_id}.
const pattern = "/api/{user_id}/tasks/export";

const contentTypes = { json: "application/json; charset=utf-8", csv: "text/csv; charset=utf-8" } as const;

/**
 * @swagger
 * /api/{user_id}/tasks/export:
 *   parameters:
 *     - $ref: "#/components/parameters/UserId"
 *   x-methods-not-allowed:
 *     methods: [POST, PUT, PATCH, DELETE]
 *     response: { $ref: "#/components/responses/MethodNotAllowed" }
 *   get:
 *     operationId: exportTasks
 *     tags: [Tasks]
 *     summary: Export all your tasks (JSON or CSV)
 *     description: >-
 *       Every task of the user, oldest first, as a file to download (`Content-Disposition:
 *       attachment`), streamed a page at a time however many there are. `format=json` (default):
 *       `{"exported_at", "tasks"}` with each task exactly as the API returns it. `format=csv`: a
 *       header row with the same fields, then one row per task (RFC 4180, UTF-8 with a byte-order
 *       mark; no description is an empty field). One request of your rate-limit budget.
 *     security: [{ bearerAuth: [] }]
 *     parameters:
 *       - $ref: "#/components/parameters/ExportFormat"
 *     responses:
 *       "200":
 *         description: The file.
 *         headers:
 *           Content-Disposition: { $ref: "#/components/headers/ExportDisposition" }
 *           RateLimit-Policy: { $ref: "#/components/headers/RateLimitPolicy" }
 *           RateLimit: { $ref: "#/components/headers/RateLimit" }
 *           X-Request-Id: { $ref: "#/components/headers/X-Request-Id" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TaskExport" }
 *             examples: { TaskExport: { $ref: "#/components/examples/TaskExport" } }
 *           text/csv:
 *             schema: { type: string }
 *             examples: { TaskExportCsv: { $ref: "#/components/examples/TaskExportCsv" } }
 *       "401": { $ref: "#/components/responses/Unauthorized" }
 *       "403": { $ref: "#/components/responses/Forbidden" }
 *       "422": { $ref: "#/components/responses/ExportQueryInvalid" }
 *       "429": { $ref: "#/components/responses/RateLimited" }
 *       "500": { $ref: "#/components/responses/ServerError" }
 */
// GET /api/{user_id}/tasks/export – every task of the user as a JSON or CSV file, streamed
export const GET = userRoute(pattern, async (request, userId) => {
  const { format } = parseQuery(request, TaskExportQuery);
  const filename = `todo-next-tasks-${new Date().toISOString().slice(0, 10)}.${format}`;
  return streamedDownload(exportChunks(userId, format), { filename, contentType: contentTypes[format] });
});

/**
 * @swagger
 * /api/{user_id}/tasks/export:
 *   options:
 *     operationId: preflightTaskExport
 *     tags: [Tasks]
 *     summary: CORS preflight
 *     description: >-
 *       Browsers ask this before a cross-origin request; no token needed, nothing is read. Pages
 *       on a trusted origin (the app's own, `TRUSTED_ORIGINS`) are allowed; others get no
 *       permission (and their requests are refused with 403).
 *     security: []
 *     parameters:
 *       - $ref: "#/components/parameters/Origin"
 *       - $ref: "#/components/parameters/AccessControlRequestMethod"
 *       - $ref: "#/components/parameters/AccessControlRequestHeaders"
 *     responses:
 *       "204": { $ref: "#/components/responses/Preflight" }
 */
// OPTIONS /api/{user_id}/tasks/export – CORS preflight
export const OPTIONS = preflight(["GET"]);

const notAllowed = methodNotAllowed(pattern, ["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
