import "server-only";
import { and, asc, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { taskCounts, tasks } from "@/db/schema";
import { withDatabaseErrors } from "@/db/errors";
import { encodeCursor, TIMESTAMP_FORMAT, type Cursor } from "@/lib/tasks/cursor";
import type { TaskSortKey } from "@/lib/tasks/limits";
import type { TaskListQueryInput, TaskListResponseBody } from "@/lib/tasks/schema";
import { toTaskResponse } from "@/lib/tasks/service";

/**
 * The task list: one user's tasks, filtered, searched, sorted and read a keyset page at a time.
 * Like every data operation it takes the user's id and filters on it.
 */

const sortColumns = {
  id: tasks.id,
  created_at: tasks.createdAt,
  updated_at: tasks.updatedAt,
  title: tasks.title,
} as const satisfies Record<TaskSortKey, unknown>;

/** `%`, `_` and `\` in a search are literal characters (backslash is LIKE's default escape). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** What a list reads: the query's filter, order and page size, and where the page starts (`after`, from its cursor). */
export type ListParams = Omit<TaskListQueryInput, "cursor"> & { after?: Cursor };

/**
 * The list's queries, built but not run (tests EXPLAIN them): the total, and one page that also
 * carries the total in each row, so a list costs one round trip unless the page is empty.
 */
export function listQueries(userId: string, params: ListParams, db: Database = getDb()) {
  const filter = and(
    eq(tasks.userId, userId),
    params.complete === undefined ? undefined : eq(tasks.complete, params.complete),
    params.q ? or(ilike(tasks.title, containsPattern(params.q)), ilike(tasks.description, containsPattern(params.q))) : undefined,
  );
  const column = sortColumns[params.sort];
  const direction = params.order === "desc" ? desc : asc;
  const { after } = params;
  // Keyset pagination: the page starts right after the last task of the previous one, in the
  // same (sort key, id) order, so tasks added or deleted meanwhile never shift it.
  const beyond = params.order === "desc" ? sql`<` : sql`>`;
  const keyset = !after
    ? undefined
    : params.sort === "id"
      ? sql`${tasks.id} ${beyond} ${after.id}`
      : params.sort === "title"
        ? sql`(${tasks.title}, ${tasks.id}) ${beyond} (${after.value}::text, ${after.id})`
        : sql`(${column}, ${tasks.id}) ${beyond} (${after.value}::timestamptz, ${after.id})`;
  // Without a search the total comes from the trigger-kept counts (constant cost); a search
  // has to look at the user's tasks anyway.
  const total = params.q
    ? db.select({ n: count() }).from(tasks).where(filter)
    : db
        .select({
          n:
            params.complete === undefined
              ? taskCounts.total
              : params.complete
                ? taskCounts.completed
                : sql<number>`${taskCounts.total} - ${taskCounts.completed}`.mapWith(Number),
        })
        .from(taskCounts)
        .where(eq(taskCounts.userId, userId));
  const page = db
    .select({
      row: tasks,
      // The timestamp of a timestamp sort as the cursor keeps it: microseconds, which a Date would lose.
      sortValue: sql<string | null>`${params.sort === "created_at" || params.sort === "updated_at" ? sql`to_char(${column} at time zone 'UTC', ${sql.raw(`'${TIMESTAMP_FORMAT}'`)})` : sql`null`}`,
      total: sql<number | null>`(${total})`.mapWith(Number),
    })
    .from(tasks)
    .where(and(filter, keyset))
    .orderBy(...(params.sort === "id" ? [direction(tasks.id)] : [direction(column), direction(tasks.id)]))
    .limit(params.limit + 1);
  return { page, total };
}

export async function listTasks(userId: string, params: ListParams): Promise<TaskListResponseBody> {
  const { page: pageQuery, total: totalQuery } = listQueries(userId, params);
  const page = await withDatabaseErrors(() => pageQuery);
  const total = page.length ? page[0]!.total : (await withDatabaseErrors(() => totalQuery))[0]?.n;
  const rows = page.slice(0, params.limit);
  const last = rows.at(-1);
  return {
    tasks: rows.map(({ row }) => toTaskResponse(row)),
    count: total ?? 0,
    next_cursor: page.length > params.limit && last ? encodeCursor(params, { value: params.sort === "title" ? last.row.title : last.sortValue, id: last.row.id }) : null,
  };
}
