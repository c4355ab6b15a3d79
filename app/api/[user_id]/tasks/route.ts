import { listResponse } from "@/lib/api/conditional";
import { idempotencyKeyOf, idempotent, requestHash } from "@/lib/api/idempotency";
import { parseQuery } from "@/lib/api/query";
import { readJsonBody } from "@/lib/api/request-body";
import { methodNotAllowed, preflight, userRoute } from "@/lib/api/route";
import { TaskCreate, TaskListQuery } from "@/lib/tasks/schema";
import { createTask, listTasks } from "@/lib/tasks/service";

const pattern = "/api/{user_id}/tasks";

/**
 * @swagger
 * /api/{user_id}/tasks:
 *   parameters:
 *     - $ref: "#/components/parameters/UserId"
 *   x-methods-not-allowed:
 *     methods: [PUT, PATCH, DELETE]
 *     response: { $ref: "#/components/responses/MethodNotAllowed" }
 *   get:
 *     operationId: listTasks
 *     tags: [Tasks]
 *     summary: List your tasks
 *     description: All of the user's tasks, newest first (id descending), and their count.
 *     security: [{ bearerAuth: [] }]
 *     responses:
 *       "200":
 *         description: The tasks, newest first.
 *         headers: { X-Request-Id: { $ref: "#/components/headers/X-Request-Id" } }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TaskListResponse" }
 *             examples: { TaskList: { $ref: "#/components/examples/TaskList" } }
 *       "401": { $ref: "#/components/responses/Unauthorized" }
 *       "403": { $ref: "#/components/responses/Forbidden" }
 *       "500": { $ref: "#/components/responses/ServerError" }
 */
// GET /api/{user_id}/tasks – the user's tasks: filter, search, sort, keyset pages
export const GET = userRoute(pattern, async (request, userId) => {
  const list = await listTasks(userId, parseQuery(request, TaskListQuery));
  const headers = new Headers();
  if (list.next_cursor) {
    const next = new URL(request.url);
    next.searchParams.set("cursor", list.next_cursor);
    headers.set("Link", `<${next.pathname}${next.search}>; rel="next"`);
  }
  return listResponse(request, list, { headers });
});

/**
 * @swagger
 * /api/{user_id}/tasks:
 *   post:
 *     operationId: createTask
 *     tags: [Tasks]
 *     summary: Create a task
 *     description: "`title` is trimmed and required; `description` is optional (null when omitted). Unknown fields are a 422."
 *     security: [{ bearerAuth: [] }]
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/TaskCreate" }
 *           examples: { TaskCreateRequest: { $ref: "#/components/examples/TaskCreateRequest" } }
 *     responses:
 *       "201":
 *         description: Created.
 *         headers:
 *           Location: { $ref: "#/components/headers/Location" }
 *           X-Request-Id: { $ref: "#/components/headers/X-Request-Id" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TaskResponse" }
 *             examples: { Task: { $ref: "#/components/examples/Task" } }
 *       "400": { $ref: "#/components/responses/BadRequest" }
 *       "401": { $ref: "#/components/responses/Unauthorized" }
 *       "403": { $ref: "#/components/responses/Forbidden" }
 *       "413": { $ref: "#/components/responses/PayloadTooLarge" }
 *       "415": { $ref: "#/components/responses/UnsupportedMediaType" }
 *       "422": { $ref: "#/components/responses/BodyInvalid" }
 *       "500": { $ref: "#/components/responses/ServerError" }
 */
// POST /api/{user_id}/tasks – create a task (retry-safe with Idempotency-Key)
export const POST = userRoute(pattern, async (request, userId) => {
  const input = await readJsonBody(request, TaskCreate);
  const key = idempotencyKeyOf(request);
  const create = async (db?: Parameters<typeof createTask>[2]) => {
    const { task, etag } = await createTask(userId, input, db);
    const headers = { Location: `/api/${encodeURIComponent(userId)}/tasks/${task.id}`, ETag: etag };
    return { status: 201, body: task, headers };
  };
  if (key === undefined) {
    const { status, body, headers } = await create();
    return Response.json(body, { status, headers });
  }
  return idempotent(userId, key, requestHash(input), create);
});

export const OPTIONS = preflight(["GET", "POST"]);

const notAllowed = methodNotAllowed(pattern, ["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
