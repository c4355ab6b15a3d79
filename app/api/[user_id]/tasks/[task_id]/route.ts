import { ifMatchOf, taskResponse } from "@/lib/api/conditional";
import { parseTaskId } from "@/lib/api/params";
import { readJsonBody, requireSomeField } from "@/lib/api/request-body";
import { methodNotAllowed, preflight, userRoute } from "@/lib/api/route";
import { TaskPatch, TaskUpdate } from "@/lib/tasks/schema";
import { deleteTask, getTask, updateTask } from "@/lib/tasks/service";

const pattern = "/api/{user_id}/tasks/{task_id}";
type Params = { user_id: string; task_id: string };

// GET /api/{user_id}/tasks/{task_id} – one task (304 when If-None-Match has its ETag)
export const GET = userRoute<Params>(pattern, async (request, userId, params) =>
  taskResponse(request, await getTask(userId, parseTaskId(params.task_id))),
);

// PUT /api/{user_id}/tasks/{task_id} – replace a task (an omitted description becomes null)
export const PUT = userRoute<Params>(pattern, async (request, userId, params) => {
  const taskId = parseTaskId(params.task_id);
  const replacement = await readJsonBody(request, TaskUpdate);
  return taskResponse(request, await updateTask(userId, taskId, replacement, ifMatchOf(request, taskId)));
});

// PATCH /api/{user_id}/tasks/{task_id} – change some fields of a task
export const PATCH = userRoute<Params>(pattern, async (request, userId, params) => {
  const taskId = parseTaskId(params.task_id);
  const changes = requireSomeField(await readJsonBody(request, TaskPatch));
  return taskResponse(request, await updateTask(userId, taskId, changes, ifMatchOf(request, taskId)));
});

// DELETE /api/{user_id}/tasks/{task_id} – delete a task
export const DELETE = userRoute<Params>(pattern, async (request, userId, params) => {
  const taskId = parseTaskId(params.task_id);
  await deleteTask(userId, taskId, ifMatchOf(request, taskId));
  return new Response(null, { status: 204 });
});

export const OPTIONS = preflight(["GET", "PUT", "PATCH", "DELETE"]);
export const POST = methodNotAllowed(pattern, ["GET", "PUT", "PATCH", "DELETE"]);
