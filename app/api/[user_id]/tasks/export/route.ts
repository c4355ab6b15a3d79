import { streamedDownload } from "@/lib/api/download";
import { parseQuery } from "@/lib/api/query";
import { taskExportResource } from "@/lib/api/resources";
import { methodsNotAllowed, preflight, userRoute } from "@/lib/api/route";
import { exportChunks } from "@/lib/tasks/export";
import { TaskExportQuery } from "@/lib/tasks/schema";

// A static segment: Next routes /tasks/export here, never to /tasks/{task_id}.
const pattern = taskExportResource.path;

const contentTypes = { json: "application/json; charset=utf-8", csv: "text/csv; charset=utf-8" } as const;

/**
 * @swagger
 * /api/{user_id}/tasks/export:
 *   get:
 *     operationId: exportTasks
 *     summary: Export all your tasks (JSON or CSV)
 *     description: >-
 *       Every task of the user, oldest first, as a file to download (`Content-Disposition:
 *       attachment`), streamed a page at a time however many there are. `format=json` (default):
 *       `{"exported_at", "tasks"}` with each task exactly as the API returns it. `format=csv`: a
 *       header row with the same fields, then one row per task (RFC 4180, UTF-8 with a byte-order
 *       mark; no description is an empty field). One request of your rate-limit budget.
 *     parameters: [{ $ref: "#/components/parameters/ExportFormat" }]
 *     responses:
 *       "200":
 *         description: The file.
 *         headers: { Content-Disposition: { $ref: "#/components/headers/ExportDisposition" } }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TaskExport" }
 *             examples: { TaskExport: { $ref: "#/components/examples/TaskExport" } }
 *           text/csv:
 *             schema: { type: string }
 *             examples: { TaskExportCsv: { $ref: "#/components/examples/TaskExportCsv" } }
 *       "422": { $ref: "#/components/responses/ExportQueryInvalid" }
 */
// GET /api/{user_id}/tasks/export – every task of the user as a JSON or CSV file, streamed
export const GET = userRoute(pattern, async (request, userId) => {
  const { format } = parseQuery(request, TaskExportQuery);
  const filename = `todo-next-tasks-${new Date().toISOString().slice(0, 10)}.${format}`;
  return streamedDownload(exportChunks(userId, format), { filename, contentType: contentTypes[format] });
});

// OPTIONS /api/{user_id}/tasks/export – CORS preflight; the methods it does not serve answer 405
export const OPTIONS = preflight(taskExportResource);
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(taskExportResource);
