/**
 * `npm run bench:ab -- name=DIR name=DIR …`: compares production builds of the app (each DIR a
 * copy of a `.next` directory outside the checkout, e.g. `cp -r .next /tmp/next-before` before
 * a change and `npm run build` after it)
 * under the same load, interleaved round by round so the machine's changing load falls on every
 * build alike. One database, seeded once; the bare server runs each round as a yardstick.
 *
 *   npm run bench:ab -- before=/tmp/next-before after=.next --rounds=3 --seconds=8 --only=mix,list
 *
 * Prints the median of each figure per build. Exits 1 when any response was not 2xx.
 */
import { cpSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { dropDatabase } from "./support/database";
import { measure, taskScenarios, type Measurement, type Scenario } from "./support/load";
import { cpuMs, type Server } from "./support/processes";
import { startBare, startNext, waitHealthy } from "./support/servers";
import { seededRun } from "./support/setup";

const root = path.resolve(import.meta.dirname, "..");
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
const builds = process.argv.slice(2).filter((arg) => !arg.startsWith("--") && arg.includes("="));
const rounds = Number(option("rounds") ?? 3);
const seconds = Number(option("seconds") ?? 8);
const adminUrl = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432";
const log = (line: string) => console.log(`[bench:ab] ${line}`);
let failed = 0;

/** A project directory whose `.next` is the given build and everything else is this checkout's. */
function projectFor(name: string, buildDir: string): string {
  // Outside the checkout: lint and type-check walk the checkout, and these link node_modules.
  const dir = path.join(os.tmpdir(), "todo-bench-ab", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A copy, not a link: the build's chunks resolve packages from where they really are.
  cpSync(path.resolve(buildDir), path.join(dir, ".next"), { recursive: true, verbatimSymlinks: true });
  // next.config.ts imports lib/security-headers.ts.
  for (const entry of ["node_modules", "package.json", "next.config.ts", "db", "lib"]) symlinkSync(path.join(root, entry), path.join(dir, entry));
  return dir;
}

async function timed(url: string, server: Server, scenario: Scenario, duration: number): Promise<Measurement> {
  const before = cpuMs(server.pid);
  const result = await measure(url, scenario, 50, duration);
  result.cpuMsPerRequest = Math.round(((cpuMs(server.pid) - before) / Math.max(result.requests, 1)) * 1000) / 1000;
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) log(`${server.name} ${scenario.name}: ${bad} responses not 2xx or failed: ${JSON.stringify(result.statuses)}`);
  failed += bad;
  return result;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  if (builds.length === 0) throw new Error("usage: npm run bench:ab -- name=BUILD_DIR [name=BUILD_DIR …] [--rounds=3] [--seconds=8] [--only=mix]");
  const variants = builds.map((arg) => {
    const [name, dir] = arg.split("=") as [string, string];
    return { name, cwd: projectFor(name, dir) };
  });
  // Seeded as `npm run bench` seeds, but for a smaller big user: its list is not measured here.
  const { database, nextPort: port, barePort, nextUrl: url, bareUrl, readers, writers } = await seededRun(adminUrl, { users: 50, tasksEach: 20, bigList: 1000 }, { cwd: variants[0]!.cwd });
  const servers: Server[] = [];
  try {
    const bare = startBare({ databaseUrl: database.url, port: barePort, issuerPort: port, listPageSize: 0 });
    servers.push(bare);
    await waitHealthy(bare, bareUrl);

    const only = option("only")?.split(",") ?? ["mix"];
    const scenarios = taskScenarios(readers, writers, only);
    const results = new Map<string, Measurement[]>();
    const record = (key: string, result: Measurement) => results.set(key, [...(results.get(key) ?? []), result]);
    for (let round = 1; round <= rounds; round += 1) {
      for (const variant of variants) {
        const next = startNext({ databaseUrl: database.url, port, cwd: variant.cwd });
        servers.push(next);
        await waitHealthy(next, url);
        await timed(url, next, scenarios.at(-1)!, 3); // warm-up
        for (const scenario of scenarios) {
          const result = await timed(url, next, scenario, seconds);
          record(`${scenario.name} ${variant.name}`, result);
          log(`round ${round} ${scenario.name} ${variant.name}: ${result.rps} req/s, p95 ${result.p95} ms, ${result.cpuMsPerRequest} ms CPU/request`);
        }
        await next.stop();
        servers.splice(servers.indexOf(next), 1);
      }
      for (const scenario of scenarios) {
        await timed(bareUrl, bare, scenario, 2);
        const result = await timed(bareUrl, bare, scenario, seconds);
        record(`${scenario.name} bare`, result);
        log(`round ${round} ${scenario.name} bare: ${result.rps} req/s, p95 ${result.p95} ms, ${result.cpuMsPerRequest} ms CPU/request`);
      }
    }
    console.log("\nmedians over rounds:\nscenario  build          req/s   p50 ms   p95 ms   p99 ms  CPU ms/req");
    for (const [key, list] of results) {
      const [scenario, name] = key.split(" ") as [string, string];
      const m = (pick: (r: Measurement) => number) => median(list.map(pick));
      console.log(
        `${scenario.padEnd(8)}  ${name.padEnd(12)} ${String(m((r) => r.rps)).padStart(6)} ${m((r) => r.p50).toFixed(1).padStart(8)} ${m((r) => r.p95).toFixed(1).padStart(8)} ${m((r) => r.p99).toFixed(1).padStart(8)} ${m((r) => r.cpuMsPerRequest ?? NaN).toFixed(2).padStart(11)}`,
      );
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await dropDatabase(adminUrl, database.name);
  }
}

main()
  .then(() => {
    if (failed > 0) {
      console.error(`[bench:ab] FAILED: ${failed} responses were not 2xx or failed`);
      process.exit(1);
    }
  })
  .catch((error: unknown) => {
    console.error(`[bench:ab] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
