import "server-only";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import path from "node:path";
import { Client } from "pg";
import { env } from "@/lib/env";
import { getConnection } from "./index";
import type * as schema from "./schema";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_ID = 7_041_974;

/** Applies pending migrations to the configured database; a no-op when none are pending. */
export async function migrateDatabase(): Promise<void> {
  if (!env.databaseUrl) {
    const { db } = getConnection();
    await migratePglite(db as PgliteDatabase<typeof schema>, { migrationsFolder });
    return;
  }
  // A dedicated session holds an advisory lock, so two processes migrating at once (two
  // deploys, two test workers) take turns instead of racing on the same DDL.
  const client = new Client({ connectionString: env.databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migratePostgres(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.end();
  }
}
