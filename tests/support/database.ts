import { spawn } from "node:child_process";
import net from "node:net";
import { freePort } from "./free-port";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

const worker = globalThis as typeof globalThis & { __testDatabase?: { proxy?: TcpProxy } };

export const usingPostgres = Boolean(process.env.DATABASE_URL);
export const usingNeon = process.env.DATABASE_DRIVER === "neon";

/**
 * The Neon driver speaks PostgreSQL over a WebSocket. Locally, Debian's websockify bridges
 * WebSocket to TCP, so the driver reaches the same server (through the outage proxy) as the
 * node-postgres runs do.
 */
async function startWebsockify(targetPort: number): Promise<string> {
  const port = await freePort();
  const child = spawn("websockify", [`127.0.0.1:${port}`, `127.0.0.1:${targetPort}`], { stdio: "ignore" });
  child.on("error", (error) => {
    throw new Error(`websockify could not start (apt-get install websockify): ${error.message}`);
  });
  process.once("exit", () => child.kill());
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const listening = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (listening) return `127.0.0.1:${port}`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("websockify did not start listening");
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
    if (usingNeon) process.env.NEON_WS_PROXY = await startWebsockify(proxy.port);
  }
  const { migrateDatabase } = await import("@/db/migrate");
  await migrateDatabase();
  worker.__testDatabase = { proxy };
}

/** The proxy in front of PostgreSQL, or undefined on PGlite. */
export function databaseProxy(): TcpProxy | undefined {
  return worker.__testDatabase?.proxy;
}
