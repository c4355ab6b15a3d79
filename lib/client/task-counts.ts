import { listQuery, type TaskFilter, type TaskView } from "@/lib/client/task-view";
import type { TaskListQueryInput, TaskResponseBody } from "@/lib/tasks/schema";

/** How many tasks each filter holds (within the current search, if any). */
export interface TaskCounts {
  all: number;
  active: number;
  completed: number;
}

/**
 * The one other filter whose count (with `limit=1`) completes the picture: the shown list's
 * `count` gives one number, and all = active + completed gives the third.
 */
export function companionFilter(shown: TaskFilter): Exclude<TaskFilter, "all"> {
  return shown === "completed" ? "active" : "completed";
}

/** The request whose `count` is the companion filter's, within the view's search. */
export function companionCountQuery(view: Pick<TaskView, "filter" | "q">): Omit<TaskListQueryInput, "cursor"> {
  return { ...listQuery({ filter: companionFilter(view.filter), q: view.q, sort: "newest" }), limit: 1 };
}

/** Whether the first page holds every task of the unfiltered view (the counts then need no request). */
export function loadedInFull(view: Pick<TaskView, "filter">, lastPage: { next_cursor: string | null } | undefined): boolean {
  return view.filter === "all" && lastPage !== undefined && lastPage.next_cursor === null;
}

/** The three counts from the shown list's `count` and its companion filter's. */
export function combineCounts(shown: TaskFilter, shownCount: number, companionCount: number): TaskCounts {
  if (shown === "all") return { all: shownCount, active: Math.max(0, shownCount - companionCount), completed: companionCount };
  if (shown === "active") return { all: shownCount + companionCount, active: shownCount, completed: companionCount };
  return { all: shownCount + companionCount, active: companionCount, completed: shownCount };
}

/** When every task of the unfiltered view is loaded, the counts need no request. */
export function countsOfLoaded(total: number, tasks: readonly TaskResponseBody[]): TaskCounts {
  const completed = tasks.filter((task) => task.complete).length;
  return { all: total, active: Math.max(0, total - completed), completed };
}

export function sameCounts(a: TaskCounts, b: TaskCounts): boolean {
  return a.all === b.all && a.active === b.active && a.completed === b.completed;
}
