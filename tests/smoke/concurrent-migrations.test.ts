import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { admin, adminUrl } from "../support/postgres-admin";

const run = promisify(execFile);
const root = path.join(import.meta.dirname, "../..");
const database = `todo_migrate_${randomUUID().replaceAll("-", "").slice(0, 12)}`;

describe.runIf(adminUrl)("npm run db:migrate on PostgreSQL", () => {
  const url = (() => {
    const parsed = new URL(adminUrl ?? "postgres://localhost/postgres");
    parsed.pathname = `/${database}`;
    return parsed.toString();
  })();

  afterAll(async () => {
    if (adminUrl) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it("two concurrent runs on a fresh database leave one consistent schema; a third is a no-op", async () => {
    await admin(`CREATE DATABASE ${database}`);
    const migrate = () => run("npm", ["run", "--silent", "db:migrate"], { cwd: root, env: { ...process.env, DATABASE_URL: url } });
    const results = await Promise.all([migrate(), migrate()]);
    for (const { stdout } of results) expect(stdout).toContain("Database migrated (postgres).");

    const migrationFiles = readdirSync(path.join(root, "db/migrations")).filter((name) => name.endsWith(".sql"));
    const applied = () => admin<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations", url);
    expect((await applied())[0]!.n).toBe(migrationFiles.length);
    const tables = await admin<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public' order by 1", url);
    expect(tables.map((row) => row.table_name)).toEqual([
      "account",
      "api_rate_limits",
      "idempotency_keys",
      "jwks",
      "oauth_access_token",
      "oauth_client",
      "oauth_consent",
      "oauth_refresh_token",
      "rate_limit",
      "session",
      "task_counts",
      "tasks",
      "user",
      "verification",
    ]);

    await migrate();
    expect((await applied())[0]!.n).toBe(migrationFiles.length);
  });
});
