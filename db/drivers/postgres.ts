import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client, Pool } from "pg";
import * as schema from "../schema";
import { STATEMENT_TIMEOUT_MS, withStatementTimeout } from "./statement-timeout";

/**
 * Timeouts keep an unreachable or stalled server from hanging a request: connecting gives up
 * after 3 s; PostgreSQL cancels a statement after 5 s (`statement_timeout`, set on every
 * connection); and the client gives up 2 s later still, for a server that stopped answering at
 * all. The API answers DATABASE_ERROR in each case. The timeout is a `SET` on connect rather than
 * a startup parameter: poolers such as PgBouncer refuse unknown startup parameters.
 */
export function openPostgres(url: string, onPoolError: (error: Error) => void) {
  const pool = new Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 3_000,
    query_timeout: STATEMENT_TIMEOUT_MS + 2_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  withStatementTimeout(pool, onPoolError);
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
