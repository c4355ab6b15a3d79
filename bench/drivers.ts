/**
 * `npm run bench:drivers`: one query's latency through each way of reaching PostgreSQL that the
 * app could use, measured in one run against the same local server (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres). The Neon driver goes through Debian's websockify,
 * as in the tests. Neon's HTTP mode needs Neon's own SQL-over-HTTP endpoint, which cannot run
 * here; "new WebSocket connection per query" stands in for its per-query connection cost.
 */
import { neonConfig, Pool as NeonPool } from "@neondatabase/serverless";
import { spawn } from "node:child_process";
import { Pool } from "pg";
import ws from "ws";
import { freePort } from "../tests/support/free-port";

const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const iterations = Number(process.env.ITERATIONS ?? 300);
const target = new URL(url);

async function measure(name: string, query: () => Promise<unknown>) {
  for (let i = 0; i < 20; i += 1) await query(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = performance.now();
    await query();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  return { name, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function main() {
  const wsPort = await freePort();
  const bridge = spawn("websockify", [`127.0.0.1:${wsPort}`, `${target.hostname}:${target.port || 5432}`], { stdio: "ignore" });
  await new Promise((resolve) => setTimeout(resolve, 800));
  neonConfig.webSocketConstructor = ws;
  neonConfig.wsProxy = () => `127.0.0.1:${wsPort}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;

  const sql = "select 1 as one";
  const pg = new Pool({ connectionString: url, max: 1 });
  const neon = new NeonPool({ connectionString: url, max: 1 });
  const rows = [
    await measure("node-postgres, pooled (TCP)", () => pg.query(sql)),
    await measure("Neon driver, pooled WebSocket", () => neon.query(sql)),
    await measure("Neon driver, new WebSocket connection per query", async () => {
      const once = new NeonPool({ connectionString: url, max: 1 });
      await once.query(sql);
      await once.end();
    }),
  ];
  await pg.end();
  await neon.end();
  bridge.kill();
  console.log(`${iterations} sequential queries each, ms:`);
  console.table(rows);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
