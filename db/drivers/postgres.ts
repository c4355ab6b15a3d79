import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client, Pool } from "pg";
import * as schema from "../schema";

/**
 * Timeouts keep an unreachable or stalled server from hanging a request: connecting gives up
 * after 3 s and a query after 5 s, and the API answers DATABASE_ERROR instead.
 */
export function openPostgres(url: string, onPoolError: (error: Error) => void) {
  const pool = new Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 3_000,
    query_timeout: 5_000,
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

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_ID = 7_041_974;

/**
 * Applies pending migrations over a dedicated session that holds an advisory lock, so two
 * processes migrating at once (two deploys, two test workers) take turns instead of racing on
 * the same DDL.
 */
export async function migratePostgres(url: string, migrationsFolder: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.end();
  }
}
