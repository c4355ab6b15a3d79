import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "../schema";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DriverName = "pglite" | "postgres";

export interface Connection {
  db: Database;
  driver: DriverName;
  close: () => Promise<void>;
}

export interface ConnectionConfig {
  databaseUrl: string | undefined;
  /** The embedded database's directory, or `memory://`. */
  dataDir: string;
}

/** The one driver switch: a postgres:// URL gets node-postgres, no URL the embedded PGlite. */
export function openConnection(config: ConnectionConfig, onPoolError: (error: Error) => void): Connection {
  if (config.databaseUrl) {
    return { ...openPostgres(config.databaseUrl, onPoolError), driver: "postgres" };
  }
  return { ...openPglite(config.dataDir), driver: "pglite" };
}
