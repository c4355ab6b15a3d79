/**
 * How long PostgreSQL lets one statement of the app run before cancelling it (SQLSTATE 57014,
 * answered 500 DATABASE_ERROR): set on every connection of every driver, so a slow statement stops
 * in the server, not only in the client that gave up waiting. Migrations run without it.
 */
export const STATEMENT_TIMEOUT_MS = 5_000;

/** The statement that sets it, run first on every new connection. */
export const SET_STATEMENT_TIMEOUT = `SET statement_timeout = ${STATEMENT_TIMEOUT_MS}`;

/** A pool (node-postgres or Neon's, which is node-postgres's) whose every new connection runs `SET_STATEMENT_TIMEOUT`. */
export function withStatementTimeout<P extends ConnectingPool>(pool: P, onError: (error: Error) => void): P {
  // A new client queues this before the query it was opened for: no statement runs without it.
  pool.on("connect", (client) => void client.query(SET_STATEMENT_TIMEOUT).catch(onError));
  return pool;
}

interface ConnectingPool {
  on(event: "connect", listener: (client: { query: (text: string) => Promise<unknown> }) => void): unknown;
}
