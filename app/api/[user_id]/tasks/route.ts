import { parseQuery } from "@/lib/api/query";
import { readJsonBody } from "@/lib/api/request-body";
import { taskListResource } from "@/lib/api/resources";
import { methodsNotAllowed, preflight, userRoute } from "@/lib/api/route";
import { createdTaskResponse, listResponse } from "@/lib/api/task-http";
import { ListRequest } from "@/lib/tasks/list-query";
import { TaskCreate } from "@/lib/tasks/schema";
import { listTasks } from "@/lib/tasks/list";

const pattern = taskListResource.path;

/**
 * @swagger
 * /api/{user_id}/tasks:
 *   get:
 *     operationId: listTasks
 *     summary: List your tasks
 *     description: >-
 *       The user's tasks, filtered (`complete`, `q`), sorted (`sort`, `order`; default newest
 *       first) and a page at a time (`limit`, default 100). `count` is the number of tasks that
 *       match the filter on all pages. Pages are keyset-paginated: follow `next_cursor` (or the
 *       `Link` header) until it is null; the walk stays exact while tasks are added or deleted.
 *       Unknown or repeated parameters are a 422. With `If-None-Match` set to the page's `ETag`,
 *       an unchanged page is a 304.
 *     parameters:
 *       - $ref: "#/components/parameters/ListComplete"
 *       - $ref: "#/components/parameters/ListSearch"
 *       - $ref: "#/components/parameters/ListSort"
 *       - $ref: "#/components/parameters/ListOrder"
 *       - $ref: "#/components/parameters/ListLimit"
 *       - $ref: "#/components/parameters/ListCursor"
 *       - $ref: "#/components/parameters/IfNoneMatch"
 *     responses:
 *       "200":
 *         description: A page of tasks.
 *         headers:
 *           ETag: { $ref: "#/components/headers/ListETag" }
 *           Link: { $ref: "#/components/headers/NextLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TaskListResponse" }
 *             examples:
 *               TaskList: { $ref: "#/components/examples/TaskList" }
 *               TaskListPage: { $ref: "#/components/examples/TaskListPage" }
 *       "304": { $ref: "#/components/responses/ListNotModified" }
 *       "422": { $ref: "#/components/responses/QueryInvalid" }
 *   post:
 *     operationId: createTask
 *     summary: Create a task
 *     description: >-
 *       `title` is trimmed and required; `description` is optional (null when omitted). Unknown
 *       fields are a 422. Send an `Idempotency-Key` to make a retry safe: a repeat returns the
 *       first response (`Idempotent-Replayed: true`) and creates nothing. An account holds at most
 *       `MAX_TASKS_PER_USER` tasks (10,000 by default): past that, a 409 `TASK_LIMIT_REACHED`.
 *     parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }]
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/TaskCreate" }
 *           examples: { TaskCreateRequest: { $ref: "#/components/examples/TaskCreateRequest" } }
 *     responses:
 *       "201":
 *         description: Created (or, with `Idempotent-Replayed`, the stored response of the first request with this key).
 *         headers:
 *           Location: { $ref: "#/components/headers/Location" }
 *           ETag: { $ref: "#/components/headers/TaskETag" }
 *           Idempotent-Replayed: { $ref: "#/components/headers/IdempotentReplayed" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TaskResponse" }
 *             examples: { Task: { $ref: "#/components/examples/Task" } }
 *       "409": { $ref: "#/components/responses/CreateConflict" }
 *       "422": { $ref: "#/components/responses/CreateInvalid" }
 */
// GET /api/{user_id}/tasks – the user's tasks: filter, search, sort, keyset pages
export const GET = userRoute(pattern, async (request, userId) => {
  const list = await listTasks(userId, parseQuery(request, ListRequest));
  const headers = new Headers();
  if (list.next_cursor) {
    const next = new URL(request.url);
    next.searchParams.set("cursor", list.next_cursor);
    headers.set("Link", `<${next.pathname}${next.search}>; rel="next"`);
  }
  return listResponse(request, list, { headers });
});

// POST /api/{user_id}/tasks – create a task (retry-safe with Idempotency-Key)
export const POST = userRoute(pattern, async (request, userId) =>
  createdTaskResponse(request, userId, await readJsonBody(request, TaskCreate)),
);

// OPTIONS /api/{user_id}/tasks – CORS preflight; the methods it does not serve answer 405
export const OPTIONS = preflight(taskListResource);
export const { PUT, PATCH, DELETE } = methodsNotAllowed(taskListResource);
