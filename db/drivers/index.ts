import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "../schema";

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

export type OpenConnection = (config: ConnectionConfig, onPoolError: (error: Error) => void) => Connection;

function urlOf(config: ConnectionConfig): string {
  if (!config.databaseUrl) throw new Error(`The ${config.driver} driver needs a URL.`);
  return config.databaseUrl;
}

/**
 * The one driver switch (lib/env.ts decides which: Neon's host or DATABASE_DRIVER=neon → Neon).
 * Only the chosen driver's module, and so its packages, is loaded: a deployment on PostgreSQL
 * never loads PGlite (tens of MB of WASM), nor one on Neon node-postgres's pool.
 */
export async function loadDriver(driver: DriverName): Promise<OpenConnection> {
  switch (driver) {
    case "neon": {
      const { openNeon } = await import("./neon");
      return (config, onPoolError) => ({ ...openNeon(urlOf(config), { wsProxy: config.neonWsProxy }, onPoolError), driver: "neon" });
    }
    case "postgres": {
      const { openPostgres } = await import("./postgres");
      return (config, onPoolError) => ({ ...openPostgres(urlOf(config), onPoolError), driver: "postgres" });
    }
    case "pglite": {
      const { openPglite } = await import("./pglite");
      return (config) => ({ ...openPglite(config.dataDir), driver: "pglite" });
    }
  }
}

/** Loads the configured driver and opens a connection with it. */
export async function openConnection(config: ConnectionConfig, onPoolError: (error: Error) => void): Promise<Connection> {
  return (await loadDriver(config.driver))(config, onPoolError);
}
