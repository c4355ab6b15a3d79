import { z } from "zod";
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, TASK_ID_MAX, TaskCreate, TaskListQuery, TaskPatch } from "@/lib/tasks/schema";

/**
 * The MCP tools' arguments and results, derived from the task contract (lib/tasks/schema.ts):
 * the same fields, limits and messages as the REST API. Where the API reads a query string or a
 * path, a tool takes JSON: `complete` is a boolean, `limit` and `task_id` are integers.
 */

export const TaskIdArgument = z
  .int({ error: "task_id must be a positive integer" })
  .min(1, "task_id must be a positive integer")
  .max(TASK_ID_MAX, "task_id is out of range")
  .describe("The task's id, as in the task's `id`.");

const query = TaskListQuery.shape;

export const ListTasksArguments = z.strictObject({
  complete: z.boolean({ error: "complete must be true or false" }).optional().describe("Only done (true) or open (false) tasks."),
  q: query.q.describe("Search in titles and descriptions (case-insensitive)."),
  sort: query.sort,
  order: query.order,
  limit: z
    .int({ error: `limit must be an integer from 1 to ${LIST_LIMIT_MAX}` })
    .min(1, `limit must be an integer from 1 to ${LIST_LIMIT_MAX}`)
    .max(LIST_LIMIT_MAX, `limit must be an integer from 1 to ${LIST_LIMIT_MAX}`)
    .default(LIST_LIMIT_DEFAULT)
    .describe("Tasks per page."),
  cursor: query.cursor.describe("`next_cursor` of the previous page, with the same filter and sort."),
});

export const TaskArguments = z.strictObject({ task_id: TaskIdArgument });

export const AddTaskArguments = TaskCreate;

export const UpdateTaskArguments = TaskPatch.extend({ task_id: TaskIdArgument });

export const DeleteTaskResult = z.strictObject({ task_id: z.int().positive(), deleted: z.literal(true) });

export type ListTasksInput = z.output<typeof ListTasksArguments>;
