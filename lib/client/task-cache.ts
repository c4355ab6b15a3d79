import type { TaskListResponseBody, TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";

/**
 * Pure edits of the cached task list for optimistic updates. The list stays in the API's order
 * (newest first, i.e. id descending) and its `count` stays equal to its length.
 */
type TaskList = TaskListResponseBody;
type Task = TaskResponseBody;

// The page holds every task (task-api.ts reads all pages), so there is never a next cursor.
function withTasks(tasks: Task[]): TaskList {
  return { tasks, count: tasks.length, next_cursor: null };
}

/** A change applied ahead of the server's answer. */
export function patchTask(list: TaskList, taskId: number, changes: TaskPatchInput): TaskList {
  return withTasks(list.tasks.map((task) => (task.id === taskId ? { ...task, ...changes } : task)));
}

/**
 * Undoes a refused change: only the fields that change touched go back to what they were, so a
 * second change still in flight (to another field or task) is not undone with it.
 */
export function revertTask(list: TaskList, before: Task, changes: TaskPatchInput): TaskList {
  const restored: Partial<Task> = {};
  for (const key of Object.keys(changes) as (keyof TaskPatchInput)[]) {
    Object.assign(restored, { [key]: before[key] });
  }
  return withTasks(list.tasks.map((task) => (task.id === before.id ? { ...task, ...restored } : task)));
}

/** The server's version of a task replaces the cached one. */
export function replaceTask(list: TaskList, saved: Task): TaskList {
  return withTasks(list.tasks.map((task) => (task.id === saved.id ? saved : task)));
}

export function removeTask(list: TaskList, taskId: number): TaskList {
  return withTasks(list.tasks.filter((task) => task.id !== taskId));
}

/** Adds a task (a new one, or a deleted one coming back) in its place by id, without duplicates. */
export function insertTask(list: TaskList, task: Task): TaskList {
  const others = list.tasks.filter((item) => item.id !== task.id);
  return withTasks([...others, task].sort((a, b) => b.id - a.id));
}

export type TaskFilter = "all" | "active" | "completed";

export function filterTasks(tasks: readonly Task[], filter: TaskFilter): Task[] {
  if (filter === "active") return tasks.filter((task) => !task.complete);
  if (filter === "completed") return tasks.filter((task) => task.complete);
  return [...tasks];
}
