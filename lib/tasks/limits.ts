/**
 * The task field limits, in a module of their own without Zod, so the browser can show
 * `n/200` counters and set `maxLength` without loading the schema library up front.
 * lib/tasks/schema.ts builds its rules from these.
 */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 1000;
/** The longest search (`q`) the list accepts. */
export const QUERY_MAX = 200;

/**
 * The largest task id: 2^53 - 1, where the `bigint` sequence stops (db/schema.ts), so ids are
 * exact JSON numbers. (2_147_483_647, seen in tests, is the old `integer` column's end.)
 */
export const TASK_ID_MAX = Number.MAX_SAFE_INTEGER;

/** The list's `sort` keys: the order's column, ties broken by id. */
export const TASK_SORT_KEYS = ["id", "created_at", "updated_at", "title"] as const;
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];
