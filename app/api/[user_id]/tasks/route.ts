import { readJsonBody } from "@/lib/api/request-body";
import { methodNotAllowed, userRoute } from "@/lib/api/route";
import { createTask, listTasks } from "@/lib/tasks/service";
import { TaskCreate } from "@/lib/tasks/schema";

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
// GET /api/{user_id}/tasks – the user's tasks, newest first
export const GET = userRoute(pattern, async (_request, userId) => Response.json(await listTasks(userId)));

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
// POST /api/{user_id}/tasks – create a task
export const POST = userRoute(pattern, async (request, userId) => {
  const task = await createTask(userId, await readJsonBody(request, TaskCreate));
  return Response.json(task, {
    status: 201,
    headers: { Location: `/api/${encodeURIComponent(userId)}/tasks/${task.id}` },
  });
});

const notAllowed = methodNotAllowed(pattern, ["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
