import { writeFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

const worker = globalThis as typeof globalThis & { __testDatabase?: { proxy?: TcpProxy } };

export const usingPostgres = Boolean(process.env.DATABASE_URL);
export const usingNeon = process.env.DATABASE_DRIVER === "neon";

/**
 * The Neon driver speaks PostgreSQL over a WebSocket: the run's websockify bridge
 * (tests/support/websockify.ts, a Vitest global setup) forwards this worker's connections to its
 * own outage proxy, so the driver reaches the same server (through that proxy) as the
 * node-postgres runs do. The token file names the target; the token travels in the URL.
 */
function bridgeTo(targetPort: number): string {
  const bridge = inject("websockify");
  if (!bridge) throw new Error("DATABASE_DRIVER=neon without the websockify global setup (vitest.config.ts)");
  const token = `worker-${process.pid}`;
  writeFileSync(path.join(bridge.tokenDir, token), `${token}: 127.0.0.1:${targetPort}\n`);
  return `127.0.0.1:${bridge.port}/?token=${token}`;
}

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
    if (usingNeon) process.env.NEON_WS_PROXY = bridgeTo(proxy.port);
  }
  const { migrateDatabase } = await import("@/db/migrate");
  await migrateDatabase();
  worker.__testDatabase = { proxy };
}

/** The proxy in front of PostgreSQL, or undefined on PGlite. */
export function databaseProxy(): TcpProxy | undefined {
  return worker.__testDatabase?.proxy;
}
