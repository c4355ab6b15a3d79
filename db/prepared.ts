import type { Database } from "./drivers";

const statements = new WeakMap<Database, Map<string, unknown>>();

/**
 * A statement built once per database connection and prepared under `name`: the hot queries of
 * every request skip Drizzle's query building, and PostgreSQL parses and plans them once per
 * pooled connection instead of on every execution. Values come in through `sql.placeholder`.
 */
export function prepared<T>(db: Database, name: string, build: (db: Database) => T): T {
  let forDb = statements.get(db);
  if (!forDb) statements.set(db, (forDb = new Map()));
  if (!forDb.has(name)) forDb.set(name, build(db));
  return forDb.get(name) as T;
}
