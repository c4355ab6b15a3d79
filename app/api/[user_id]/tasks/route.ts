import { readJsonBody } from "@/lib/api/request-body";
import { methodNotAllowed, userRoute } from "@/lib/api/route";
import { createTask, listTasks } from "@/lib/tasks/service";
import { TaskCreate } from "@/lib/tasks/schema";

const pattern = "/api/{user_id}/tasks";

// GET /api/{user_id}/tasks – the user's tasks, newest first
export const GET = userRoute(pattern, async (_request, userId) => Response.json(await listTasks(userId)));

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
