import "server-only";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import path from "node:path";
import { env } from "@/lib/env";
import { getConnection } from "./index";
import type * as schema from "./schema";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Applies pending migrations to the configured database; a no-op when none are pending. Neon
 * databases are migrated over node-postgres too: a deploy build runs in a normal Node process,
 * and the advisory lock that serialises concurrent builds needs a plain, direct session.
 */
export async function migrateDatabase(): Promise<void> {
  // Each branch loads only its own driver's code.
  if (env.migrationDatabaseUrl) {
    const { migratePostgres } = await import("./drivers/postgres");
    return migratePostgres(env.migrationDatabaseUrl, migrationsFolder);
  }
  const { migrate: migratePglite } = await import("drizzle-orm/pglite/migrator");
  await migratePglite(getConnection().db as PgliteDatabase<typeof schema>, { migrationsFolder });
}
