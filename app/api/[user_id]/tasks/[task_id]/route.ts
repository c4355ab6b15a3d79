import { parseTaskId } from "@/lib/api/params";
import { readJsonBody, requireSomeField } from "@/lib/api/request-body";
import { taskResource } from "@/lib/api/resources";
import { methodsNotAllowed, preflight, userRoute } from "@/lib/api/route";
import { conditionalWrite, taskResponse } from "@/lib/api/task-http";
import { TaskPatch, TaskUpdate } from "@/lib/tasks/schema";
import { deleteTask, getTask, updateTask } from "@/lib/tasks/service";

const pattern = taskResource.path;
type Params = { user_id: string; task_id: string };

/**
 * @swagger
 * /api/{user_id}/tasks/{task_id}:
 *   get:
 *     operationId: getTask
 *     summary: Get a task
 *     description: With `If-None-Match` set to the task's `ETag`, an unchanged task is a 304 with no body.
 *     parameters: [{ $ref: "#/components/parameters/IfNoneMatch" }]
 *     responses:
 *       "200":
 *         description: The task.
 *         headers: { ETag: { $ref: "#/components/headers/TaskETag" } }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TaskResponse" }
 *             examples: { Task: { $ref: "#/components/examples/Task" } }
 *       "304": { $ref: "#/components/responses/TaskNotModified" }
 *   put:
 *     operationId: replaceTask
 *     summary: Replace a task
 *     description: >-
 *       Full replace: `title` and `complete` are required; an omitted `description` becomes null.
 *       With `If-Match`, only if the task is still that version (otherwise 412, nothing changed).
 *     parameters: [{ $ref: "#/components/parameters/IfMatch" }]
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/TaskUpdate" }
 *           examples: { TaskUpdateRequest: { $ref: "#/components/examples/TaskUpdateRequest" } }
 *     responses:
 *       "200":
 *         description: The replaced task; `updated_at` has advanced.
 *         headers: { ETag: { $ref: "#/components/headers/TaskETag" } }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TaskResponse" }
 *             examples: { TaskReplaced: { $ref: "#/components/examples/TaskReplaced" } }
 *       "412": { $ref: "#/components/responses/PreconditionFailed" }
 *   patch:
 *     operationId: updateTask
 *     summary: Change some fields of a task
 *     description: >-
 *       Only the fields given change; at least one of `title`, `description`, `complete` is
 *       required. With `If-Match`, only if the task is still that version (otherwise 412, nothing
 *       changed).
 *     parameters: [{ $ref: "#/components/parameters/IfMatch" }]
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/TaskPatch" }
 *           examples: { TaskPatchRequest: { $ref: "#/components/examples/TaskPatchRequest" } }
 *     responses:
 *       "200":
 *         description: The changed task; `updated_at` has advanced.
 *         headers: { ETag: { $ref: "#/components/headers/TaskETag" } }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TaskResponse" }
 *             examples: { TaskCompleted: { $ref: "#/components/examples/TaskCompleted" } }
 *       "400": { $ref: "#/components/responses/PatchBadRequest" }
 *       "412": { $ref: "#/components/responses/PreconditionFailed" }
 *   delete:
 *     operationId: deleteTask
 *     summary: Delete a task
 *     description: With `If-Match`, only if the task is still that version (otherwise 412, nothing deleted).
 *     parameters: [{ $ref: "#/components/parameters/IfMatch" }]
 *     responses:
 *       "204": { description: Deleted; no body. }
 *       "412": { $ref: "#/components/responses/PreconditionFailed" }
 */
// GET /api/{user_id}/tasks/{task_id} – one task (304 when If-None-Match has its ETag)
export const GET = userRoute<Params>(pattern, async (request, userId, params) =>
  taskResponse(request, await getTask(userId, parseTaskId(params.task_id))),
);

// PUT /api/{user_id}/tasks/{task_id} – replace a task (an omitted description becomes null)
export const PUT = userRoute<Params>(pattern, async (request, userId, params) => {
  const taskId = parseTaskId(params.task_id);
  const replacement = await readJsonBody(request, TaskUpdate);
  return taskResponse(request, await conditionalWrite(request, taskId, (precondition) => updateTask(userId, taskId, replacement, precondition)));
});

// PATCH /api/{user_id}/tasks/{task_id} – change some fields of a task
export const PATCH = userRoute<Params>(pattern, async (request, userId, params) => {
  const taskId = parseTaskId(params.task_id);
  const changes = requireSomeField(await readJsonBody(request, TaskPatch));
  return taskResponse(request, await conditionalWrite(request, taskId, (precondition) => updateTask(userId, taskId, changes, precondition)));
});

// DELETE /api/{user_id}/tasks/{task_id} – delete a task
export const DELETE = userRoute<Params>(pattern, async (request, userId, params) => {
  const taskId = parseTaskId(params.task_id);
  await conditionalWrite(request, taskId, (precondition) => deleteTask(userId, taskId, precondition));
  return new Response(null, { status: 204 });
});

// OPTIONS /api/{user_id}/tasks/{task_id} – CORS preflight; the methods it does not serve answer 405
export const OPTIONS = preflight(taskResource);
export const { POST } = methodsNotAllowed(taskResource);
