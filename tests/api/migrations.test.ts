import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { migrateDatabase } from "@/db/migrate";
import { usingPostgres } from "../support/database";

// Both drivers answer execute() with a result that has `rows`; the shared type does not say so.
async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await getDb().execute(query)) as { rows: T[] }).rows;
}

async function schemaFingerprint() {
  return rows(sql`
    select table_name, column_name, data_type, is_nullable
    from information_schema.columns where table_schema = 'public' order by table_name, column_name`);
}

async function appliedMigrations(): Promise<number> {
  const [row] = await rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return row!.n;
}

describe("db:migrate", () => {
  it("applying the migrations again is a no-op", async () => {
    const before = { schema: await schemaFingerprint(), applied: await appliedMigrations() };
    await migrateDatabase();
    expect(await appliedMigrations()).toBe(before.applied);
    expect(await schemaFingerprint()).toEqual(before.schema);
    expect(before.applied).toBeGreaterThan(0);
  });

  it.runIf(usingPostgres)("concurrent runs take turns on PostgreSQL and leave one consistent schema", async () => {
    const before = { schema: await schemaFingerprint(), applied: await appliedMigrations() };
    await Promise.all([migrateDatabase(), migrateDatabase(), migrateDatabase()]);
    expect(await appliedMigrations()).toBe(before.applied);
    expect(await schemaFingerprint()).toEqual(before.schema);
  });

  it("the per-user request counters are unlogged (no WAL per request), the tasks are not", async () => {
    const tables = await rows<{ relname: string; relpersistence: string }>(sql`
      select relname, relpersistence from pg_class where relname in ('api_rate_limits', 'tasks') and relkind = 'r' order by relname`);
    expect(tables).toEqual([
      { relname: "api_rate_limits", relpersistence: "u" },
      { relname: "tasks", relpersistence: "p" },
    ]);
  });
});
