import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "../schema";

/**
 * Timeouts keep an unreachable or stalled server from hanging a request: connecting gives up
 * after 3 s and a query after 10 s, and the API answers DATABASE_ERROR instead.
 */
export function openPostgres(url: string, onPoolError: (error: Error) => void) {
  const pool = new Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 3_000,
    query_timeout: 10_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  // An idle client losing its connection emits here; unhandled, it would crash the process.
  pool.on("error", onPoolError);
  return {
    db: drizzle({ client: pool, schema }),
    close: () => pool.end(),
  };
}
