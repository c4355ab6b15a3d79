import { parseTaskId } from "@/lib/api/params";
import { readJsonBody, requireSomeField } from "@/lib/api/request-body";
import { methodNotAllowed, userRoute } from "@/lib/api/route";
import { TaskPatch, TaskUpdate } from "@/lib/tasks/schema";
import { deleteTask, getTask, updateTask } from "@/lib/tasks/service";

const pattern = "/api/{user_id}/tasks/{task_id}";
type Params = { user_id: string; task_id: string };

// GET /api/{user_id}/tasks/{task_id} – one task
export const GET = userRoute<Params>(pattern, async (_request, userId, params) =>
  Response.json(await getTask(userId, parseTaskId(params.task_id))),
);

// PUT /api/{user_id}/tasks/{task_id} – replace a task (an omitted description becomes null)
export const PUT = userRoute<Params>(pattern, async (request, userId, params) => {
  const taskId = parseTaskId(params.task_id);
  return Response.json(await updateTask(userId, taskId, await readJsonBody(request, TaskUpdate)));
});

// PATCH /api/{user_id}/tasks/{task_id} – change some fields of a task
export const PATCH = userRoute<Params>(pattern, async (request, userId, params) => {
  const taskId = parseTaskId(params.task_id);
  const changes = requireSomeField(await readJsonBody(request, TaskPatch));
  return Response.json(await updateTask(userId, taskId, changes));
});

// DELETE /api/{user_id}/tasks/{task_id} – delete a task
export const DELETE = userRoute<Params>(pattern, async (_request, userId, params) => {
  await deleteTask(userId, parseTaskId(params.task_id));
  return new Response(null, { status: 204 });
});

export const POST = methodNotAllowed(pattern, ["GET", "PUT", "PATCH", "DELETE"]);
