/**
 * The task field limits, in a module of their own without Zod, so the browser can show
 * `n/200` counters and set `maxLength` without loading the schema library up front.
 * lib/tasks/schema.ts builds its rules from these.
 */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 1000;
/** The longest search (`q`) the list accepts. */
export const QUERY_MAX = 200;
