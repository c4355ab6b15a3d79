import { listResponse } from "@/lib/api/conditional";
import { idempotencyKeyOf, idempotent, requestHash } from "@/lib/api/idempotency";
import { parseQuery } from "@/lib/api/query";
import { readJsonBody } from "@/lib/api/request-body";
import { methodNotAllowed, preflight, userRoute } from "@/lib/api/route";
import { TaskCreate, TaskListQuery } from "@/lib/tasks/schema";
import { createTask, listTasks } from "@/lib/tasks/service";

const pattern = "/api/{user_id}/tasks";

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
