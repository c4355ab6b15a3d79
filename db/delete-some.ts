import { sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * A DELETE of at most `limit` rows of `table` matching `where` (the first by `orderBy`, if given),
 * passing over rows another transaction holds. The rows are found first (with an index on the
 * condition, one short range scan), then deleted by their physical address (a TID scan): the cost
 * is the batch's, however many rows match. Returns one row per row deleted.
 */
export function deleteSome(table: PgTable, where: SQL, limit: number, orderBy?: SQL): SQL {
  const order = orderBy ? sql` order by ${orderBy}` : sql``;
  return sql`delete from ${table} where ctid = any(array(select ctid from ${table} where ${where}${order} limit ${limit} for update skip locked)) returning 1`;
}
