import { z } from "zod";
import { DESCRIPTION_MAX, QUERY_MAX, TASK_ID_MAX, TASK_SORT_KEYS, TITLE_MAX } from "./limits";

/**
 * The task API's contract: request validation, response shapes, the OpenAPI document and the
 * UI's forms all come from these schemas. Never imports db/ or anything server-only.
 */

export { DESCRIPTION_MAX, QUERY_MAX, TASK_ID_MAX, TITLE_MAX };

/** A task id as a number: the range of every id the API sends, and of `task_id` in a path. */
export const TaskIdNumber = z.int().min(1).max(TASK_ID_MAX);

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
  id: TaskIdNumber,
  user_id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  complete: z.boolean(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

export const TaskListResponse = z.strictObject({
  tasks: z.array(TaskResponse),
  /** Tasks matching the filter, on every page together. */
  count: z.int().nonnegative(),
  /** Opaque: pass as `cursor` for the next page; null on the last page. */
  next_cursor: z.string().nullable(),
});

export const LIST_LIMIT_DEFAULT = 100;
export const LIST_LIMIT_MAX = 500;

/**
 * A decimal integer in a path or query string: digits only (no sign, exponent or spaces), checked
 * before it becomes a number; `int_parsing` is the error type a FastAPI client expects then.
 */
const integerString = (message: string, pattern: RegExp = /^[0-9]+$/) =>
  z.string().refine((value) => pattern.test(value), { message, params: { type: "int_parsing" }, abort: true }).transform(Number);

const LIMIT_MESSAGE = `limit must be an integer from 1 to ${LIST_LIMIT_MAX}`;

const booleanParam = (name: string) =>
  z.enum(["true", "false"], { error: `${name} must be true or false` }).transform((value) => value === "true");

/** Query parameters of the list. Unknown parameters are rejected, like unknown body fields. */
export const TaskListQuery = z.strictObject({
  complete: booleanParam("complete").optional(),
  q: z.string().max(QUERY_MAX, `q must be at most ${QUERY_MAX} characters`).refine(noNul, "q must not contain NUL characters").optional(),
  sort: z.enum(TASK_SORT_KEYS, { error: `sort must be one of ${TASK_SORT_KEYS.join(", ")}` }).default("id"),
  order: z.enum(["asc", "desc"], { error: "order must be asc or desc" }).default("desc"),
  limit: integerString(LIMIT_MESSAGE)
    .pipe(z.number().min(1, LIMIT_MESSAGE).max(LIST_LIMIT_MAX, LIMIT_MESSAGE))
    .default(LIST_LIMIT_DEFAULT),
  cursor: z.string().min(1).max(1000).optional(),
});

/** Query of the export: the file's format (JSON, the API's task shape, or CSV). */
export const TaskExportQuery = z.strictObject({
  format: z.enum(["json", "csv"], { error: "format must be json or csv" }).default("json"),
});

/** The JSON export: every task of the user, oldest first, as the API returns them. */
export const TaskExport = z.strictObject({
  exported_at: z.iso.datetime(),
  tasks: z.array(TaskResponse),
});

/** The CSV export's columns, in order: the fields of TaskResponse. */
export const TASK_EXPORT_COLUMNS = Object.keys(TaskResponse.shape) as (keyof z.infer<typeof TaskResponse>)[];

export const IDEMPOTENCY_KEY_MAX = 255;

/** The `Idempotency-Key` request header of POST: 1–255 visible ASCII characters (no spaces). */
export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX} visible ASCII characters`);

/** `task_id` in the path: a positive integer (no leading zeros) up to TASK_ID_MAX. */
export const TaskId = integerString("task_id must be a positive integer", /^(0|[1-9][0-9]*)$/).pipe(
  z.number().min(1, "task_id must be a positive integer").max(TASK_ID_MAX, "task_id is out of range"),
);

export type TaskCreateInput = z.infer<typeof TaskCreate>;
export type TaskUpdateInput = z.output<typeof TaskUpdate>;
export type TaskPatchInput = z.infer<typeof TaskPatch>;
export type TaskResponseBody = z.infer<typeof TaskResponse>;
export type TaskListResponseBody = z.infer<typeof TaskListResponse>;
export type TaskListQueryInput = z.output<typeof TaskListQuery>;
export type TaskExportFormat = z.output<typeof TaskExportQuery>["format"];
