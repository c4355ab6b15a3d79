import "server-only";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import path from "node:path";
import { env } from "@/lib/env";
import { migratePostgres } from "./drivers/postgres";
import { getConnection } from "./index";
import type * as schema from "./schema";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies pending migrations to the configured database; a no-op when none are pending. */
export async function migrateDatabase(): Promise<void> {
  if (env.databaseUrl) return migratePostgres(env.databaseUrl, migrationsFolder);
  await migratePglite(getConnection().db as PgliteDatabase<typeof schema>, { migrationsFolder });
}
