import "server-only";
import { randomUUID } from "node:crypto";
import { companionCountQuery, loadedInFull } from "@/lib/client/task-counts";
import { firstPageQuery, type FirstView, type TaskView } from "@/lib/client/task-view";
import { listSearch } from "@/lib/client/task-api";
import { consumeRateLimit } from "@/lib/api/rate-limit";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { listTasks } from "@/lib/tasks/list";
import { ListRequest, type ListRequestInput } from "@/lib/tasks/list-query";
import type { TaskListQueryInput } from "@/lib/tasks/schema";

/** A list request as the API would read its query string (the same checks and defaults), or undefined where it would refuse it. */
function checked(query: Omit<TaskListQueryInput, "cursor">): ListRequestInput | undefined {
  const parsed = ListRequest.safeParse(Object.fromEntries(new URLSearchParams(listSearch(query))));
  return parsed.success ? parsed.data : undefined;
}

/**
 * The view's first page and counts, read for the task page's HTML through the same checks and
 * service as the API, and charged to the same per-user budget as one API request (the count is
 * read only when the first page is not the whole list). Anything the API would refuse (a search
 * it rejects, a spent budget, a database error) leaves the reading to the browser, which shows
 * the API's answer as it does for any other request.
 */
export async function readFirstView(userId: string, view: TaskView): Promise<FirstView | undefined> {
  const pageQuery = checked(firstPageQuery(view));
  const countQuery = checked(companionCountQuery(view));
  if (!pageQuery || !countQuery) return undefined;
  try {
    await consumeRateLimit(userId);
    const page = await listTasks(userId, pageQuery);
    const companionCount = loadedInFull(view, page) ? undefined : (await listTasks(userId, countQuery)).count;
    // The page is already the API's JSON body (dates as ISO strings): the browser's cache holds the same values either way.
    return { id: randomUUID(), view, page, ...(companionCount === undefined ? {} : { companionCount }) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    logger.warn({ code: error.code, user_id: userId }, "the task page left its first read to the browser");
    return undefined;
  }
}
