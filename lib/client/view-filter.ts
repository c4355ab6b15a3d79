import type { TaskView } from "@/lib/client/task-view";
import type { TaskResponseBody } from "@/lib/tasks/schema";

/**
 * Which tasks a view of the task page holds and in what order, decided in the browser exactly as
 * the API decides it, so a changed task can be placed in loaded pages without asking the server.
 */
type Task = TaskResponseBody;

/** Whether a task belongs in a view, as the API decides it (`complete`, `q` in title or description, ignoring case). */
export function matchesView(view: Pick<TaskView, "filter" | "q">, task: Task): boolean {
  if (view.filter !== "all" && task.complete !== (view.filter === "completed")) return false;
  if (!view.q) return true;
  const needle = view.q.toLowerCase();
  return task.title.toLowerCase().includes(needle) || (task.description ?? "").toLowerCase().includes(needle);
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The API's order for each sort: the sort key, then the id in the same direction. */
export const viewOrder: Record<TaskView["sort"], (a: Task, b: Task) => number> = {
  newest: (a, b) => b.id - a.id,
  oldest: (a, b) => a.id - b.id,
  title: (a, b) => byCodePoint(a.title, b.title) || a.id - b.id,
  updated: (a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at) || b.id - a.id,
};

/** Whether every task of `view` is among those of `wider` (its filter and search are no narrower). */
export function covers(wider: TaskView, view: TaskView): boolean {
  const filterCovers = wider.filter === "all" || wider.filter === view.filter;
  return filterCovers && view.q.toLowerCase().includes(wider.q.toLowerCase());
}
