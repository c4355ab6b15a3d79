import "server-only";
import { z } from "zod";
import { decodeCursor, type Cursor } from "@/lib/tasks/cursor";
import { TaskListQuery, type TaskListQueryInput } from "@/lib/tasks/schema";

/**
 * A list query as the server reads it (the REST query string, or the MCP tool's arguments): its
 * `cursor` must be one this server issued for the same sort, order and filter. It becomes
 * `after`, the position to continue from; anything else is a 422 naming `cursor`.
 * (Server-only: checking a cursor needs the key.)
 */
export function withCheckedCursor<S extends z.ZodType<TaskListQueryInput, unknown>>(schema: S) {
  return schema.transform(({ cursor, ...query }, context) => {
    if (cursor === undefined) return { ...query, after: undefined as Cursor | undefined };
    const after = decodeCursor(cursor, query);
    if (!after) {
      context.addIssue({
        code: "custom",
        path: ["cursor"],
        message: "cursor is not valid for this query (use next_cursor with the same filter and sort)",
        params: { type: "value_error" },
      });
      return z.NEVER;
    }
    return { ...query, after };
  });
}

/** The list's query string: TaskListQuery with its cursor checked. */
export const ListRequest = withCheckedCursor(TaskListQuery);

export type ListRequestInput = z.output<typeof ListRequest>;
