import { sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openConnection } from "@/db/drivers";
import * as schema from "@/db/schema";

describe("openConnection – the one driver switch", () => {
  it("opens the embedded PGlite for no URL, locking its directory until closed", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "todo-driver-"));
    const connection = await openConnection({ driver: "pglite", databaseUrl: undefined, dataDir }, () => undefined);
    expect(connection.driver).toBe("pglite");
    const result = (await connection.db.execute(sql`select 41 + 1 as answer`)) as { rows: unknown[] };
    expect(result.rows).toEqual([{ answer: 42 }]);
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(true);
    await connection.close();
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
    // A fresh on-disk PGlite runs initdb: seconds normally, much longer on a loaded machine.
  }, 120_000);

  it("opens node-postgres for a postgres:// URL; an unreachable server fails fast, not hangs", async () => {
    const errors: Error[] = [];
    const connection = await openConnection({ driver: "postgres", databaseUrl: "postgres://nobody@127.0.0.1:1/none", dataDir: "memory://" }, (error) => errors.push(error));
    expect(connection.driver).toBe("postgres");
    const started = performance.now();
    await expect(connection.db.execute(sql`select 1`)).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(3_500);
    await connection.close();
  });

  it("opens Neon's serverless driver (WebSocket pool) when asked; an unreachable server fails fast", async () => {
    // Neon's settings are process-wide: under DATABASE_DRIVER=neon keep the suite's bridge.
    const wsProxy = process.env.NEON_WS_PROXY ?? "127.0.0.1:1";
    const connection = await openConnection(
      { driver: "neon", databaseUrl: "postgres://nobody@127.0.0.1:1/none", neonWsProxy: wsProxy, dataDir: "memory://" },
      () => undefined,
    );
    expect(connection.driver).toBe("neon");
    const started = performance.now();
    await expect(connection.db.execute(sql`select 1`)).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(3_500);
    await connection.close();
  });

  it("refuses a server driver without a URL", async () => {
    await expect(openConnection({ driver: "postgres", databaseUrl: undefined, dataDir: "memory://" }, () => undefined)).rejects.toThrow(
      "The postgres driver needs a URL.",
    );
  });
});

describe("db/schema", () => {
  it("tasks.user_id references the Better Auth user with ON DELETE CASCADE, like every user-owned table", () => {
    for (const table of [schema.tasks, schema.session, schema.account, schema.idempotencyKeys]) {
      const [foreignKey] = getTableConfig(table).foreignKeys;
      const reference = foreignKey!.reference();
      expect(getTableConfig(reference.foreignTable).name).toBe("user");
      expect(reference.foreignColumns.map((column) => column.name)).toEqual(["id"]);
      expect(foreignKey!.onDelete).toBe("cascade");
    }
  });

  it("keys tasks by (user_id, id), with no ordered index on id alone", () => {
    const config = getTableConfig(schema.tasks);
    expect(config.primaryKeys.map((key) => key.columns.map((column) => column.name))).toEqual([["user_id", "id"]]);
    // id's own uniqueness is an exclusion constraint on a hash index (migration 0006; see
    // tests/api/migrations.test.ts), which Drizzle cannot declare.
    // (The search's trigram indexes are on one column each, but GIN: no order to walk.)
    expect(config.indexes.filter((index) => index.config.columns.length === 1 && index.config.method !== "gin")).toEqual([]);
  });

  it("stamps updated_at on Better Auth's own updates", () => {
    for (const table of [schema.user, schema.session, schema.account, schema.verification]) {
      const stamp = table.updatedAt.onUpdateFn?.();
      expect(stamp).toBeInstanceOf(Date);
    }
  });
});

describe("migratePostgres", () => {
  it("fails fast with the connection error when the server is unreachable", async () => {
    const { migratePostgres } = await import("@/db/drivers/postgres");
    const started = performance.now();
    await expect(migratePostgres("postgres://nobody@127.0.0.1:1/none", "db/migrations")).rejects.toThrow(/ECONNREFUSED/);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe("closeDatabase", () => {
  it("closes the open connection and forgets it, so the next use opens a new one", async () => {
    const { closeDatabase, getConnection } = await import("@/db/index");
    const holder = globalThis as typeof globalThis & { __todoDatabase?: unknown };
    const shared = getConnection();
    // Stand a connection of this test's own in for the worker's shared one, then restore it.
    const own = await openConnection({ driver: "pglite", databaseUrl: undefined, dataDir: "memory://" }, () => undefined);
    let closed = false;
    holder.__todoDatabase = { ...own, close: async () => ((closed = true), own.close()) };
    try {
      await closeDatabase();
      expect(closed).toBe(true);
      expect(holder.__todoDatabase).toBeUndefined();
      await closeDatabase(); // nothing open: a no-op
    } finally {
      holder.__todoDatabase = shared;
    }
    expect(getConnection()).toBe(shared);
  });
});
