import "server-only";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { openPglite } from "./drivers/pglite";
import { openPostgres } from "./drivers/postgres";
import type * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DriverName = "pglite" | "postgres";

interface Connection {
  db: Database;
  driver: DriverName;
  close: () => Promise<void>;
}

// The one driver switch. Opened lazily, on first use: `next build` imports every route module
// and must not open (and lock) the embedded database. Kept on globalThis so a dev hot reload
// reuses the open connection instead of opening PGlite's directory a second time.
const holder = globalThis as typeof globalThis & { __todoDatabase?: Connection };

function open(): Connection {
  if (env.databaseUrl) {
    const { db, close } = openPostgres(env.databaseUrl, (error) =>
      logger.error({ err: error.message }, "idle database connection failed"),
    );
    return { db, driver: "postgres", close };
  }
  const { db, close } = openPglite(env.inMemory ? "memory://" : env.dataDir);
  return { db, driver: "pglite", close };
}

export function getConnection(): Connection {
  holder.__todoDatabase ??= open();
  return holder.__todoDatabase;
}

export function getDb(): Database {
  return getConnection().db;
}

export async function closeDatabase(): Promise<void> {
  const connection = holder.__todoDatabase;
  holder.__todoDatabase = undefined;
  await connection?.close();
}
