import "server-only";
import { companionCountQuery, loadedInFull } from "@/lib/client/task-counts";
import { firstPageQuery, type FirstView, type TaskView } from "@/lib/client/task-view";
import { listSearch } from "@/lib/client/task-api";
import { consumeRateLimit } from "@/lib/api/rate-limit";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { listTasks } from "@/lib/tasks/list";
import { ListRequest } from "@/lib/tasks/list-query";
import type { TaskListQueryInput, TaskListResponseBody } from "@/lib/tasks/schema";

/** One list request, read as the API would read its query string (the same checks and defaults). */
async function list(userId: string, query: Omit<TaskListQueryInput, "cursor">): Promise<TaskListResponseBody | undefined> {
  const parsed = ListRequest.safeParse(Object.fromEntries(new URLSearchParams(listSearch(query))));
  return parsed.success ? listTasks(userId, parsed.data) : undefined;
}

/**
 * The view's first page and counts, read for the task page's HTML through the same service the
 * API uses, and charged to the same per-user budget as one API request. Anything the API would
 * refuse (a search it rejects, a spent budget, a database error) leaves the reading to the
 * browser, which shows the API's answer as it does for any other request.
 */
export async function readFirstView(userId: string, view: TaskView): Promise<FirstView | undefined> {
  try {
    await consumeRateLimit(userId);
    const [page, companion] = await Promise.all([list(userId, firstPageQuery(view)), list(userId, companionCountQuery(view))]);
    if (!page) return undefined;
    // As it travels over the API: JSON, so the browser's cache holds the same values either way.
    const wire = JSON.parse(JSON.stringify(page)) as TaskListResponseBody;
    return loadedInFull(view, page) || companion === undefined ? { view, page: wire } : { view, page: wire, companionCount: companion.count };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    logger.warn({ code: error.code, user_id: userId }, "the task page left its first read to the browser");
    return undefined;
  }
}
