import type { TaskView } from "@/lib/client/task-view";
import { covers, matchesView, viewOrder } from "@/lib/client/view-filter";
import type { TaskListResponseBody, TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";

/**
 * Pure edits of a view's cached pages (TanStack Query's infinite data), so a change updates the
 * loaded pages in place instead of reloading them. Each page keeps the API's order for its view
 * and the view's `count`; a change is described as a task going from `before` to `after`
 * (`undefined`: it does not exist), which covers create, toggle, edit, delete and their undoing.
 */
type Task = TaskResponseBody;

export interface TaskPages {
  pages: TaskListResponseBody[];
  pageParams: unknown[];
}

/** The loaded tasks in order, each once (a task edited into a later position may come again with a later page). */
export function flattenTasks(data: TaskPages | undefined): Task[] {
  const seen = new Set<number>();
  const tasks: Task[] = [];
  for (const page of data?.pages ?? []) {
    for (const task of page.tasks) {
      if (seen.has(task.id)) continue;
      seen.add(task.id);
      tasks.push(task);
    }
  }
  return tasks;
}

export function findTask(data: TaskPages, taskId: number): Task | undefined {
  for (const page of data.pages) {
    const found = page.tasks.find((task) => task.id === taskId);
    if (found) return found;
  }
  return undefined;
}

/**
 * Puts a task in its place by the view's order. Past the last loaded task it is left out while
 * more pages remain: the page that holds it brings it when the person scrolls there.
 */
function insertInOrder(pages: TaskListResponseBody[], sort: TaskView["sort"], task: Task): TaskListResponseBody[] {
  const before = viewOrder[sort];
  const replacePage = (index: number, tasks: Task[]) => pages.map((page, at) => (at === index ? { ...page, tasks } : page));
  for (const [index, page] of pages.entries()) {
    const at = page.tasks.findIndex((other) => before(task, other) < 0);
    if (at >= 0) return replacePage(index, [...page.tasks.slice(0, at), task, ...page.tasks.slice(at)]);
  }
  const last = pages.at(-1);
  if (!last || last.next_cursor !== null) return pages;
  return replacePage(pages.length - 1, [...last.tasks, task]);
}

/** How a view's count moves when a task goes from `before` to `after`. */
export function countChange(view: Pick<TaskView, "filter" | "q">, before: Task | undefined, after: Task | undefined): number {
  return Number(after !== undefined && matchesView(view, after)) - Number(before !== undefined && matchesView(view, before));
}

/**
 * A task went from `before` to `after` in one view's pages. A loaded task is replaced where it
 * is (a row never jumps while the person looks at it) or leaves when it no longer belongs; one
 * that now belongs is put in its place; the count follows.
 */
export function applyChange(data: TaskPages, view: TaskView, before: Task | undefined, after: Task | undefined): TaskPages {
  const id = (after ?? before)?.id;
  const belongs = after !== undefined && matchesView(view, after);
  let found = false;
  let pages = data.pages.map((page) => {
    if (!page.tasks.some((task) => task.id === id)) return page;
    found = true;
    const tasks = belongs ? page.tasks.map((task) => (task.id === id ? after : task)) : page.tasks.filter((task) => task.id !== id);
    return { ...page, tasks };
  });
  if (!found && belongs) pages = insertInOrder(pages, view.sort, after);
  const delta = countChange(view, before, after);
  if (delta !== 0) pages = pages.map((page) => ({ ...page, count: Math.max(0, page.count + delta) }));
  return { ...data, pages };
}

/** A change applied ahead of the server's answer. */
export function patched(task: Task, changes: TaskPatchInput): Task {
  return { ...task, ...changes };
}

/**
 * Undoes a refused change: only the fields that change touched go back to what they were, so a
 * second change still in flight (to another field) is not undone with it.
 */
export function reverted(current: Task, before: Task, changes: TaskPatchInput): Task {
  const restored: Partial<Task> = {};
  for (const key of Object.keys(changes) as (keyof TaskPatchInput)[]) {
    Object.assign(restored, { [key]: before[key] });
  }
  return { ...current, ...restored };
}

/**
 * A view worked out from another one already loaded in full (no page left to read) that holds all
 * of its tasks: shown at once while the server's own page for the view is on its way.
 */
export function viewFromLoaded(view: TaskView, loaded: readonly { view: TaskView; data: TaskPages }[]): TaskPages | undefined {
  const source = loaded.find((candidate) => candidate.data.pages.at(-1)?.next_cursor === null && covers(candidate.view, view));
  if (!source) return undefined;
  const tasks = flattenTasks(source.data)
    .filter((task) => matchesView(view, task))
    .sort(viewOrder[view.sort]);
  return { pages: [{ tasks, count: tasks.length, next_cursor: null }], pageParams: [undefined] };
}
