import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { loadDriver, type Connection, type Database } from "./drivers";

export type { Database, DriverName } from "./drivers";

// Opened lazily, on first use: `next build` imports every route module and must not open (and
// lock) the embedded database. Kept on globalThis so a dev hot reload reuses the open connection
// instead of opening PGlite's directory a second time.
const holder = globalThis as typeof globalThis & { __todoDatabase?: Connection };

// Loaded once, when this module is: only the configured driver's code (db/drivers/index.ts).
const openConnection = await loadDriver(env.driver);

export function getConnection(): Connection {
  holder.__todoDatabase ??= openConnection(
    {
      driver: env.driver,
      databaseUrl: env.databaseUrl,
      neonWsProxy: env.neonWsProxy,
      dataDir: env.inMemory ? "memory://" : env.dataDir,
    },
    (error) => logger.error({ err: error.message }, "idle database connection failed"),
  );
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
