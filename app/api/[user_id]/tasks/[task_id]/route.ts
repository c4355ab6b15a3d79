import { ifMatchOf, taskResponse } from "@/lib/api/conditional";
import { parseTaskId } from "@/lib/api/params";
import { readJsonBody, requireSomeField } from "@/lib/api/request-body";
import { methodNotAllowed, preflight, userRoute } from "@/lib/api/route";
import { TaskPatch, TaskUpdate } from "@/lib/tasks/schema";
import { deleteTask, getTask, updateTask } from "@/lib/tasks/service";

const pattern = "/api/{user_id}/tasks/{task_id}";
type Params = { user_id: string; task_id: string };

/**
 * @swagger
 * /api/{user_id}/tasks/{task_id}:
 *   parameters:
 *     - $ref: "#/components/parameters/UserId"
 *     - $ref: "#/components/parameters/TaskId"
 *   x-methods-not-allowed:
 *     methods: [POST]
 *     response: { $ref: "#/components/responses/MethodNotAllowed" }
 *   get:
 *     operationId: getTask
 *     tags: [Tasks]
 *     summary: Get a task
 *     description: With `If-None-Match` set to the task's `ETag`, an unchanged task is a 304 with no body.
 *     security: [{ bearerAuth: [] }]
 *     parameters:
 *       - $ref: "#/components/parameters/IfNoneMatch"
 *     responses:
 *       "200":
 *         description: The task.
 *         headers:
 *           ETag: { $ref: "#/components/headers/TaskETag" }
 *           RateLimit-Policy: { $ref: "#/components/headers/RateLimitPolicy" }
 *           RateLimit: { $ref: "#/components/headers/RateLimit" }
 *           X-Request-Id: { $ref: "#/components/headers/X-Request-Id" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TaskResponse" }
 *             examples: { Task: { $ref: "#/components/examples/Task" } }
 *       "304": { $ref: "#/components/responses/TaskNotModified" }
 *       "401": { $ref: "#/components/responses/Unauthorized" }
 *       "403": { $ref: "#/components/responses/TaskForbidden" }
 *       "404": { $ref: "#/components/responses/NotFound" }
 *       "422": { $ref: "#/components/responses/TaskIdInvalid" }
 *       "429": { $ref: "#/components/responses/RateLimited" }
 *       "500": { $ref: "#/components/responses/ServerError" }
 */
// GET /api/{user_id}/tasks/{task_id} – one task (304 when If-None-Match has its ETag)
export const GET = userRoute<Params>(pattern, async (request, userId, params) =>
  taskResponse(request, await getTask(userId, parseTaskId(params.task_id))),
);

/**
 * @swagger
 * /api/{user_id}/tasks/{task_id}:
 *   put:
 *     operationId: replaceTask
 *     tags: [Tasks]
 *     summary: Replace a task
 *     description: >-
 *       Full replace: `title` and `complete` are required; an omitted `description` becomes null.
 *       With `If-Match`, only if the task is still that version (otherwise 412, nothing changed).
 *     security: [{ bearerAuth: [] }]
 *     parameters:
 *       - $ref: "#/components/parameters/IfMatch"
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/TaskUpdate" }
 *           examples: { TaskUpdateRequest: { $ref: "#/components/examples/TaskUpdateRequest" } }
 *     responses:
 *       "200":
 *         description: The replaced task; `updated_at` has advanced.
 *         headers:
 *           ETag: { $ref: "#/components/headers/TaskETag" }
 *           RateLimit-Policy: { $ref: "#/components/headers/RateLimitPolicy" }
 *           RateLimit: { $ref: "#/components/headers/RateLimit" }
 *           X-Request-Id: { $ref: "#/components/headers/X-Request-Id" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TaskResponse" }
 *             examples: { TaskReplaced: { $ref: "#/components/examples/TaskReplaced" } }
 *       "400": { $ref: "#/components/responses/BadRequest" }
 *       "401": { $ref: "#/components/responses/Unauthorized" }
 *       "403": { $ref: "#/components/responses/TaskForbidden" }
 *       "404": { $ref: "#/components/responses/NotFound" }
 *       "412": { $ref: "#/components/responses/PreconditionFailed" }
 *       "413": { $ref: "#/components/responses/PayloadTooLarge" }
 *       "415": { $ref: "#/components/responses/UnsupportedMediaType" }
 *       "422": { $ref: "#/components/responses/ValidationFailed" }
 *       "429": { $ref: "#/components/responses/RateLimited" }
 *       "500": { $ref: "#/components/responses/ServerError" }
 */
// PUT /api/{user_id}/tasks/{task_id} – replace a task (an omitted description becomes null)
export const PUT = userRoute<Params>(pattern, async (request, userId, params) => {
  const taskId = parseTaskId(params.task_id);
  const replacement = await readJsonBody(request, TaskUpdate);
  return taskResponse(request, await updateTask(userId, taskId, replacement, ifMatchOf(request, taskId)));
});

/**
 * @swagger
 * /api/{user_id}/tasks/{task_id}:
 *   patch:
 *     operationId: updateTask
 *     tags: [Tasks]
 *     summary: Change some fields of a task
 *     description: >-
 *       Only the fields given change; at least one of `title`, `description`, `complete` is
 *       required. With `If-Match`, only if the task is still that version (otherwise 412, nothing
 *       changed).
 *     security: [{ bearerAuth: [] }]
 *     parameters:
 *       - $ref: "#/components/parameters/IfMatch"
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/TaskPatch" }
 *           examples: { TaskPatchRequest: { $ref: "#/components/examples/TaskPatchRequest" } }
 *     responses:
 *       "200":
 *         description: The changed task; `updated_at` has advanced.
 *         headers:
 *           ETag: { $ref: "#/components/headers/TaskETag" }
 *           RateLimit-Policy: { $ref: "#/components/headers/RateLimitPolicy" }
 *           RateLimit: { $ref: "#/components/headers/RateLimit" }
 *           X-Request-Id: { $ref: "#/components/headers/X-Request-Id" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TaskResponse" }
 *             examples: { TaskCompleted: { $ref: "#/components/examples/TaskCompleted" } }
 *       "400": { $ref: "#/components/responses/PatchBadRequest" }
 *       "401": { $ref: "#/components/responses/Unauthorized" }
 *       "403": { $ref: "#/components/responses/TaskForbidden" }
 *       "404": { $ref: "#/components/responses/NotFound" }
 *       "412": { $ref: "#/components/responses/PreconditionFailed" }
 *       "413": { $ref: "#/components/responses/PayloadTooLarge" }
 *       "415": { $ref: "#/components/responses/UnsupportedMediaType" }
 *       "422": { $ref: "#/components/responses/ValidationFailed" }
 *       "429": { $ref: "#/components/responses/RateLimited" }
 *       "500": { $ref: "#/components/responses/ServerError" }
 */
// PATCH /api/{user_id}/tasks/{task_id} – change some fields of a task
export const PATCH = userRoute<Params>(pattern, async (request, userId, params) => {
  const taskId = parseTaskId(params.task_id);
  const changes = requireSomeField(await readJsonBody(request, TaskPatch));
  return taskResponse(request, await updateTask(userId, taskId, changes, ifMatchOf(request, taskId)));
});

/**
 * @swagger
 * /api/{user_id}/tasks/{task_id}:
 *   delete:
 *     operationId: deleteTask
 *     tags: [Tasks]
 *     summary: Delete a task
 *     description: With `If-Match`, only if the task is still that version (otherwise 412, nothing deleted).
 *     security: [{ bearerAuth: [] }]
 *     parameters:
 *       - $ref: "#/components/parameters/IfMatch"
 *     responses:
 *       "204":
 *         description: Deleted; no body.
 *         headers:
 *           RateLimit-Policy: { $ref: "#/components/headers/RateLimitPolicy" }
 *           RateLimit: { $ref: "#/components/headers/RateLimit" }
 *           X-Request-Id: { $ref: "#/components/headers/X-Request-Id" }
 *       "401": { $ref: "#/components/responses/Unauthorized" }
 *       "403": { $ref: "#/components/responses/TaskForbidden" }
 *       "404": { $ref: "#/components/responses/NotFound" }
 *       "412": { $ref: "#/components/responses/PreconditionFailed" }
 *       "422": { $ref: "#/components/responses/TaskIdInvalid" }
 *       "429": { $ref: "#/components/responses/RateLimited" }
 *       "500": { $ref: "#/components/responses/ServerError" }
 */
// DELETE /api/{user_id}/tasks/{task_id} – delete a task
export const DELETE = userRoute<Params>(pattern, async (request, userId, params) => {
  const taskId = parseTaskId(params.task_id);
  await deleteTask(userId, taskId, ifMatchOf(request, taskId));
  return new Response(null, { status: 204 });
});

/**
 * @swagger
 * /api/{user_id}/tasks/{task_id}:
 *   options:
 *     operationId: preflightTask
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
// OPTIONS /api/{user_id}/tasks/{task_id} – CORS preflight
export const OPTIONS = preflight(["GET", "PUT", "PATCH", "DELETE"]);
export const POST = methodNotAllowed(pattern, ["GET", "PUT", "PATCH", "DELETE"]);
