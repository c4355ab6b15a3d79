import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "../schema";
import { openNeon } from "./neon";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DriverName = "pglite" | "postgres" | "neon";

export interface Connection {
  db: Database;
  driver: DriverName;
  close: () => Promise<void>;
}

export interface ConnectionConfig {
  driver: DriverName;
  databaseUrl: string | undefined;
  neonWsProxy?: string;
  /** The embedded database's directory, or `memory://`. */
  dataDir: string;
}

/** The one driver switch (lib/env.ts decides which: Neon's host or DATABASE_DRIVER=neon → Neon). */
export function openConnection(config: ConnectionConfig, onPoolError: (error: Error) => void): Connection {
  if (config.driver !== "pglite" && !config.databaseUrl) throw new Error(`The ${config.driver} driver needs a URL.`);
  switch (config.driver) {
    case "neon":
      return { ...openNeon(config.databaseUrl!, { wsProxy: config.neonWsProxy }, onPoolError), driver: "neon" };
    case "postgres":
      return { ...openPostgres(config.databaseUrl!, onPoolError), driver: "postgres" };
    case "pglite":
      return { ...openPglite(config.dataDir), driver: "pglite" };
  }
}
