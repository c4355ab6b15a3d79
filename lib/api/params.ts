import "server-only";
import { z } from "zod";
import { parseRequestValue } from "@/lib/api/field-errors";
import { TaskId } from "@/lib/tasks/schema";

const PathParams = z.object({ task_id: TaskId });

/** `task_id` from the path; anything but a positive integer in range is a 422. */
export function parseTaskId(raw: string): number {
  return parseRequestValue(PathParams, { task_id: raw }, "path").task_id;
}
