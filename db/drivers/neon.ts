import { neonConfig, Pool } from "@neondatabase/serverless";
import { attachDatabasePool } from "@vercel/functions";
import { drizzle } from "drizzle-orm/neon-serverless";
import ws from "ws";
import * as schema from "../schema";
import { withStatementTimeout } from "./statement-timeout";

/**
 * Neon's serverless driver in its WebSocket mode (a `Pool`), not its HTTP mode:
 * - HTTP (`neon()` + drizzle-orm/neon-http) runs one statement per request and has no
 *   interactive transactions; Better Auth's adapter and our conditional writes need them.
 * - A warm pooled WebSocket answers in one round trip; HTTP pays a new request per query.
 *   `npm run bench:drivers` (2026-11-24, this 2-core machine, local PostgreSQL behind
 *   websockify): pooled WebSocket p50 1.7 ms / p95 2.9 ms; a new WebSocket connection per query
 *   p50 66 ms / p95 121 ms; node-postgres over TCP p50 0.2 ms. Neon's HTTP endpoint cannot run
 *   here, so HTTP mode itself was not measured; the connection-per-query figure bounds it.
 * Pool lifetime: small, idle connections closed after 10 s, and `attachDatabasePool` lets
 * Vercel close idle clients before a function instance is suspended, so nothing leaks across
 * invocations. Outside Vercel it does nothing.
 */
export function openNeon(url: string, options: { wsProxy?: string }, onPoolError: (error: Error) => void) {
  // Node 20 has no global WebSocket.
  neonConfig.webSocketConstructor = ws;
  if (options.wsProxy) {
    // Local tests: plain ws:// to a websockify bridge in front of an ordinary PostgreSQL.
    const proxy = options.wsProxy;
    neonConfig.wsProxy = () => proxy;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: url, max: 5, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 3_000 });
  pool.on("error", onPoolError);
  // Neon's pooled endpoint (PgBouncer) refuses a statement_timeout startup parameter: a SET on connect.
  withStatementTimeout(pool, onPoolError);
  attachDatabasePool(pool);
  return {
    db: drizzle({ client: pool, schema }),
    close: () => pool.end(),
  };
}
