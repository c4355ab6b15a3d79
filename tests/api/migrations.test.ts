import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { migrateDatabase } from "@/db/migrate";
import { createTask, signUp } from "../support/api";
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

  it("task ids stay unique without an ordered index on id alone: a second task with a taken id is refused", async () => {
    const indexes = await rows<{ indexdef: string }>(sql`select indexdef from pg_indexes where tablename = 'tasks' order by indexname`);
    expect(indexes.map((index) => index.indexdef).filter((definition) => /\(id( DESC)?\)$/.test(definition))).toEqual([
      expect.stringMatching(/USING hash \(id\)$/),
    ]);
    const user = await signUp();
    const task = await createTask(user);
    const other = await signUp();
    await expect(
      getDb().execute(sql`insert into tasks (id, user_id, title) overriding system value values (${task.id}, ${other.id}, 'copy')`),
    ).rejects.toThrow();
    const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from tasks where id = ${task.id}`);
    expect(count!.n).toBe(1);
  });
});
