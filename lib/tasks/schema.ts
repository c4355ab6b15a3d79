import { z } from "zod";
import { DESCRIPTION_MAX, TITLE_MAX } from "./limits";

/**
 * The task API's contract: request validation, response shapes, the OpenAPI document and the
 * UI's forms all come from these schemas. Never imports db/ or anything server-only.
 */

export { DESCRIPTION_MAX, TITLE_MAX };

// PostgreSQL text cannot hold U+0000; rejecting it here keeps it a 422, not a database error.
const noNul = (value: string) => !value.includes("\u0000");

export const Title = z
  .string({ error: "title must be a string" })
  .trim()
  .min(1, "title must not be blank")
  .max(TITLE_MAX, `title must be at most ${TITLE_MAX} characters`)
  .refine(noNul, "title must not contain NUL characters");

export const Description = z
  .string({ error: "description must be a string or null" })
  .max(DESCRIPTION_MAX, `description must be at most ${DESCRIPTION_MAX} characters`)
  .refine(noNul, "description must not contain NUL characters")
  .nullable();

const Complete = z.boolean({ error: "complete must be true or false" });

export const TaskCreate = z.strictObject({
  title: Title,
  description: Description.optional(),
});

/** PUT replaces the whole task: an omitted description becomes null. */
export const TaskUpdate = z.strictObject({
  title: Title,
  description: Description.optional().transform((value) => value ?? null),
  complete: Complete,
});

/** PATCH changes only the fields given; giving none is a 400 (see lib/api/request-body.ts). */
export const TaskPatch = z.strictObject({
  title: Title.optional(),
  description: Description.optional(),
  complete: Complete.optional(),
});

export const TaskResponse = z.strictObject({
  id: z.int().positive(),
  user_id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  complete: z.boolean(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

export const TaskListResponse = z.strictObject({
  tasks: z.array(TaskResponse),
  count: z.int().nonnegative(),
});

/** `task_id` in the path: a positive integer that fits the `integer` column. */
export const TaskId = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, "task_id must be a positive integer")
  .transform(Number)
  .refine((id) => id <= 2_147_483_647, "task_id is out of range");

export type TaskCreateInput = z.infer<typeof TaskCreate>;
export type TaskUpdateInput = z.output<typeof TaskUpdate>;
export type TaskPatchInput = z.infer<typeof TaskPatch>;
export type TaskResponseBody = z.infer<typeof TaskResponse>;
export type TaskListResponseBody = z.infer<typeof TaskListResponse>;
