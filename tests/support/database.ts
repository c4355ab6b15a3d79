import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

const worker = globalThis as typeof globalThis & { __testDatabase?: { proxy?: TcpProxy } };

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/**
 * Once per worker: with DATABASE_URL set, the worker reaches PostgreSQL through a TCP proxy it
 * controls (outage tests cut it); otherwise an in-memory PGlite (vitest.config.ts sets
 * DATA_DIR=memory://). Either way the schema comes from the committed migrations.
 */
export async function prepareTestDatabase(): Promise<void> {
  if (worker.__testDatabase) return;
  let proxy: TcpProxy | undefined;
  const url = process.env.DATABASE_URL;
  if (url) {
    const parsed = new URL(url);
    proxy = await startTcpProxy({ host: parsed.hostname, port: Number(parsed.port || 5432) });
    parsed.host = `127.0.0.1:${proxy.port}`;
    process.env.DATABASE_URL = parsed.toString();
  }
  const { migrateDatabase } = await import("@/db/migrate");
  await migrateDatabase();
  worker.__testDatabase = { proxy };
}

/** The proxy in front of PostgreSQL, or undefined on PGlite. */
export function databaseProxy(): TcpProxy | undefined {
  return worker.__testDatabase?.proxy;
}
