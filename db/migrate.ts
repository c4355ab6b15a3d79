import "server-only";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import path from "node:path";
import { env } from "@/lib/env";
import { migratePostgres } from "./drivers/postgres";
import { getConnection } from "./index";
import type * as schema from "./schema";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Applies pending migrations to the configured database; a no-op when none are pending. Neon
 * databases are migrated over node-postgres too: a deploy build runs in a normal Node process,
 * and the advisory lock that serialises concurrent builds needs a plain, direct session.
 */
export async function migrateDatabase(): Promise<void> {
  if (env.migrationDatabaseUrl) return migratePostgres(env.migrationDatabaseUrl, migrationsFolder);
  await migratePglite(getConnection().db as PgliteDatabase<typeof schema>, { migrationsFolder });
}
