/**
 * `npm run bench:memory`: does the server's memory settle under load, or keep growing? Runs the
 * mixed workload against `next start` (production build, fresh PostgreSQL database) in rounds
 * and prints the server's RSS after each. A leak grows round after round; warm-up growth
 * (JIT code, heap sizing, pools) stops after the first rounds.
 *
 *   npm run bench:memory -- --rounds=8 --seconds=15
 *
 * Exits 1 if any response was not 2xx.
 */
import { createDatabase, dropDatabase, migrate } from "./support/database";
import { measure, mixed } from "./support/load";
import { freePort } from "../tests/support/free-port";
import { BENCH_PORTS, rssMiB } from "./support/processes";
import { seedUsers } from "./support/seed";
import { startNext, waitHealthy } from "./support/servers";

const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
const rounds = Number(option("rounds") ?? 8);
const seconds = Number(option("seconds") ?? 15);
const adminUrl = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432";
const log = (line: string) => console.log(`[bench:memory] ${line}`);

async function main(): Promise<number> {
  const database = await createDatabase(adminUrl);
  await migrate(database.url);
  const port = await freePort({ range: BENCH_PORTS });
  const baseUrl = `http://127.0.0.1:${port}`;
  const next = startNext({ databaseUrl: database.url, port });
  let failed = 0;
  try {
    await waitHealthy(next, baseUrl);
    const readers = await seedUsers(baseUrl, "reader", 50, 20);
    const writers = await seedUsers(baseUrl, "writer", 50, 20, 50);
    const scenario = { name: "mix", next: mixed(readers, writers) };
    const samples: number[] = [];
    log(`after seeding: RSS ${rssMiB(next.pid)} MiB; ${rounds} rounds of the mix, ${seconds} s each, 50 connections`);
    for (let round = 1; round <= rounds; round++) {
      const result = await measure(baseUrl, scenario, 50, seconds);
      failed += result.non2xx + result.errors + result.timeouts;
      samples.push(rssMiB(next.pid));
      log(`round ${round}: ${result.rps} req/s, RSS ${samples.at(-1)} MiB`);
    }
    const [first, last] = [samples[0]!, samples.at(-1)!];
    const peak = Math.max(...samples);
    log(`RSS after round 1: ${first} MiB; after round ${rounds}: ${last} MiB (${(last / first).toFixed(2)}×); peak ${peak} MiB`);
  } finally {
    await next.stop();
    await dropDatabase(adminUrl, database.name);
  }
  if (failed > 0) log(`${failed} responses were not 2xx or failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
