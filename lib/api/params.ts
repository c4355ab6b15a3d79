import "server-only";
import { toFieldErrors, validationFailed } from "@/lib/api/request-body";
import { TaskId } from "@/lib/tasks/schema";

/** `task_id` from the path; anything but a positive integer in range is a 422. */
export function parseTaskId(raw: string): number {
  const result = TaskId.safeParse(raw);
  if (!result.success) {
    throw validationFailed(toFieldErrors(result.error, "path").map((error) => ({ ...error, loc: ["path", "task_id"] })));
  }
  return result.data;
}
