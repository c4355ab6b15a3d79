import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";
import { applyChange, countChange, findTask, viewFromLoaded } from "@/lib/client/task-cache";
import { companionFilter } from "@/lib/client/task-counts";
import type { FirstView, TaskFilter, TaskView } from "@/lib/client/task-view";
import type { TaskListResponseBody, TaskResponseBody } from "@/lib/tasks/schema";

/**
 * The task page's query keys, and the one way a change reaches the cache: every cached view's
 * pages and every cached count, edited in place (lib/client/task-cache.ts), never refetched.
 */
export type TaskPagesData = InfiniteData<TaskListResponseBody, string | undefined>;
type Task = TaskResponseBody;

export const tasksKey = ["tasks"] as const;
const listsKey = ["tasks", "list"] as const;
const countsKey = ["tasks", "count"] as const;

export const listKey = (view: TaskView) => [...listsKey, view.filter, view.q, view.sort] as const;
export const countKey = (filter: TaskFilter, q: string) => [...countsKey, filter, q] as const;

function viewOfListKey(key: QueryKey): TaskView {
  const [, , filter, q, sort] = key as ReturnType<typeof listKey>;
  return { filter, q, sort };
}

function viewOfCountKey(key: QueryKey): Pick<TaskView, "filter" | "q"> {
  const [, , filter, q] = key as ReturnType<typeof countKey>;
  return { filter, q };
}

// First views this page has shown. Next keeps a rendered page for Back and Forward however old it
// is: shown again, its first view would bring back tasks as they were, so it seeds nothing then
// and the view is read over the API.
const shownFirstViews = new Set<string>();

/** Remembers (in the browser, after the page showed it) that this first view has been used. */
export function markFirstViewShown(first: FirstView): void {
  shownFirstViews.add(first.id);
}

/** A view the server read for the page, put in the cache as if the browser had just read it; not when it has been shown before. */
export function seedFirstView(client: QueryClient, first: FirstView): void {
  if (shownFirstViews.has(first.id)) return;
  client.setQueryData<TaskPagesData>(listKey(first.view), { pages: [first.page], pageParams: [undefined] });
  if (first.companionCount !== undefined) client.setQueryData(countKey(companionFilter(first.view.filter), first.view.q), first.companionCount);
}

/** The task as the cache has it now, from whichever view holds it. */
export function cachedTask(client: QueryClient, taskId: number): Task | undefined {
  for (const [, data] of client.getQueriesData<TaskPagesData>({ queryKey: listsKey })) {
    const found = data && findTask(data, taskId);
    if (found) return found;
  }
  return undefined;
}

/** The view worked out from a cached view loaded in full that holds it, if there is one (see viewFromLoaded). */
export function derivedView(client: QueryClient, view: TaskView): TaskPagesData | undefined {
  const loaded = client
    .getQueriesData<TaskPagesData>({ queryKey: listsKey })
    .flatMap(([key, data]) => (data ? [{ view: viewOfListKey(key), data }] : []));
  return viewFromLoaded(view, loaded) as TaskPagesData | undefined;
}

/** A task went from `before` to `after` (`undefined`: it does not exist): every cached view and count follows. */
export function applyToCache(client: QueryClient, before: Task | undefined, after: Task | undefined): void {
  for (const [key, data] of client.getQueriesData<TaskPagesData>({ queryKey: listsKey })) {
    if (data) client.setQueryData<TaskPagesData>(key, applyChange(data, viewOfListKey(key), before, after) as TaskPagesData);
  }
  for (const [key, count] of client.getQueriesData<number>({ queryKey: countsKey })) {
    if (count !== undefined) client.setQueryData<number>(key, Math.max(0, count + countChange(viewOfCountKey(key), before, after)));
  }
}

/**
 * Stops reads in flight that would land on top of an optimistic change (a page fetched before
 * the change would bring its old version back). Reads without data yet are left to finish.
 */
export function cancelReads(client: QueryClient): Promise<void> {
  return client.cancelQueries({ queryKey: tasksKey, predicate: (query) => query.state.data !== undefined });
}
