import "server-only";
import { z } from "zod";
import { decodeCursor, type Cursor } from "@/lib/tasks/cursor";
import { TaskListQuery } from "@/lib/tasks/schema";

/**
 * The list's query string as the server reads it: TaskListQuery, whose `cursor` must be one this
 * server issued for the same sort, order and filter. It becomes `after`, the position to continue
 * from; anything else is a 422 naming `cursor`. (Server-only: checking a cursor needs the key.)
 */
export const ListRequest = TaskListQuery.transform(({ cursor, ...query }, context) => {
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

export type ListRequestInput = z.output<typeof ListRequest>;
