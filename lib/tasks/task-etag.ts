import type { TaskResponseBody } from "@/lib/tasks/schema";

/**
 * A task's strong entity tag: its id and the millisecond of its `updated_at`, which every write
 * moves forward by at least a millisecond. The one definition of the format, for the server (the
 * ETag header, If-Match) and for the browser, which holds tasks from list pages (no header per
 * task there) and sends their tag back as If-Match.
 */
export function taskEtag(id: number, updatedAt: Date): string {
  return `"${id}.${updatedAt.getTime()}"`;
}

/** The entity tag of a task as the API returns it. */
export function etagOf(task: Pick<TaskResponseBody, "id" | "updated_at">): string {
  return taskEtag(task.id, new Date(task.updated_at));
}
