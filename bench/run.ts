/**
 * `npm run bench`: the task API's production build (`next start`) against the bare server
 * (bench/bare/server.ts) in one run, same fresh PostgreSQL database, same load, both on Node 24
 * by default; beside every scenario, each server's floor (the 401 of a request without a token).
 * See docs/benchmark.md for what it measures and how to read it.
 *
 *   npm run bench                 full run: 2 s warm-up + 10 s per scenario and server, + 10 s floor
 *   npm run bench -- --node=20    the servers on the machine's Node 20 instead of Node 24
 *   npm run bench -- --quick      a few seconds per scenario, smaller seed (CI: keeps it working)
 *   npm run bench -- --profile    the mix (or --only=X) against `next start` under `node --cpu-prof`
 *   npm run bench -- --build      run `npm run build` first even if a build exists
 *   npm run bench -- --seconds=N  N seconds per measurement instead of 10 (3 with --quick)
 *   npm run bench -- --only=mix   only these scenarios (comma-separated), no 100k check: quick A/B runs
 *
 * Exits 1 when any response was not 2xx (or a request failed); the figures are never asserted.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { compareContracts } from "./support/contract";
import { dropDatabase } from "./support/database";
import { measure, steps, taskScenarios, type Measurement, type Scenario } from "./support/load";
import { nodeRuntime } from "./support/node";
import { canConnect, cpuMs, rssMiB, waitFor, type Server } from "./support/processes";
import { buildReport, formatTable, formatTargets, type Row } from "./support/report";
import type { BenchUser } from "./support/seed";
import { startBare, startNext, waitHealthy } from "./support/servers";
import { seededRun } from "./support/setup";
import { summariseProfile } from "./support/profile";

const root = path.resolve(import.meta.dirname, "..");
const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const profiling = args.has("--profile");
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
const settings = {
  ...(quick
    ? { users: 10, tasksEach: 20, bigList: 10_000, warmup: 1, seconds: 3, connections: 50 }
    : { users: 50, tasksEach: 20, bigList: 100_000, warmup: 2, seconds: 10, connections: 50 }),
  // --seconds=N: a longer measurement (a profile, a calmer machine); never for the published figures.
  ...(option("seconds") ? { seconds: Number(option("seconds")) } : {}),
};
const adminUrl = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432";
const runtime = nodeRuntime(option("node") ?? "24");
const resultsDir = path.join(root, "bench/results");

const log = (line: string) => console.log(`[bench] ${line}`);
const load1 = () => Math.round(os.loadavg()[0]! * 100) / 100;
let failedResponses = 0;

/** Builds when there is no production build (or --build); warns when sources are newer than it. */
function ensureBuild() {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (args.has("--build") || !existsSync(buildId)) {
    log("no production build (.next/BUILD_ID): running npm run build");
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
    return;
  }
  const built = statSync(buildId).mtimeMs;
  const newest = (dir: string): number =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).reduce((latest, entry) => {
      const relative = path.join(dir, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(relative) : statSync(path.join(root, relative)).mtimeMs);
    }, 0);
  if (Math.max(newest("app"), newest("lib"), newest("db"), statSync(path.join(root, "next.config.ts")).mtimeMs) > built) {
    log("WARNING: sources are newer than .next/BUILD_ID; the figures are for the old build (npm run bench -- --build)");
  }
}

async function run(baseUrl: string, server: Server, scenario: Scenario, seconds: number, warmup: boolean): Promise<Measurement> {
  const cpuBefore = cpuMs(server.pid);
  const result = await measure(baseUrl, scenario, settings.connections, seconds);
  result.cpuMsPerRequest = Math.round(((cpuMs(server.pid) - cpuBefore) / Math.max(result.requests, 1)) * 1000) / 1000;
  const bad = result.unexpected + result.errors + result.timeouts;
  if (bad > 0) {
    failedResponses += bad;
    log(`${server.name} ${scenario.name}${warmup ? " (warm-up)" : ""}: ${bad} responses not ${scenario.status ?? "2xx"} or failed: ${JSON.stringify(result.statuses)}`);
  }
  if (server.exited()) throw new Error(`${server.name} died during ${scenario.name}:\n${server.output()}`);
  return result;
}

async function main() {
  ensureBuild();
  mkdirSync(resultsDir, { recursive: true });
  const { database, nextPort, barePort, nextUrl, bareUrl, readers, writers, bigUser, seedMs } = await seededRun(adminUrl, settings, { node: runtime.executable });
  const servers: Server[] = [];
  const stopAll = () => Promise.all(servers.map((server) => server.stop()));
  try {
    log(`servers on Node ${runtime.version} (${runtime.executable}); load generator on Node ${process.version}`);
    log(`database ${database.name}; next start on ${nextUrl}, bare server on ${bareUrl}; load average ${load1()} on ${os.cpus().length} CPUs`);
    log(`seeded ${readers.length} readers and ${writers.length} writers × ${settings.tasksEach} tasks through the API, 1 user × ${settings.bigList} tasks with SQL (${(seedMs / 1000).toFixed(1)} s)`);

    // Cold start: a fresh process, from spawn to the first authenticated 200.
    const profileDir = profiling ? path.join(resultsDir, `profile-${Date.now()}`) : undefined;
    const spawnedAt = performance.now();
    const spawnedAtUs = Number(process.hrtime.bigint() / 1000n);
    const next = startNext({ databaseUrl: database.url, port: nextPort, profileDir, node: runtime.executable });
    servers.push(next);
    const probe = `${nextUrl}/api/${readers[0]!.id}/tasks`;
    const listening = waitFor("the port", () => canConnect(nextPort), 60_000, next).then(() => Math.round(performance.now() - spawnedAt));
    await waitFor("the first authenticated 200", async () => (await fetch(probe, { headers: { authorization: `Bearer ${readers[0]!.token}` } })).status === 200, 60_000, next);
    const coldStartMs = Math.round(performance.now() - spawnedAt);
    const coldStartWindow = { fromUs: spawnedAtUs, toUs: Number(process.hrtime.bigint() / 1000n) };
    const listeningMs = await listening;
    log(`cold start (process start → first authenticated 200): ${coldStartMs} ms (port open after ${listeningMs} ms)`);

    const only = option("only")?.split(",");
    const scenarios = taskScenarios(readers, writers, only);

    if (profiling) {
      // The last scenario chosen (the mix by default; --only=list profiles the list).
      const profiled = scenarios.at(-1)!;
      await run(nextUrl, next, profiled, settings.warmup, true);
      const fromUs = Number(process.hrtime.bigint() / 1000n);
      const result = await run(nextUrl, next, profiled, settings.seconds, false);
      const toUs = Number(process.hrtime.bigint() / 1000n);
      log(`profiled ${profiled.name}: ${result.rps} req/s, p95 ${result.p95} ms, ${result.cpuMsPerRequest} ms CPU/request`);
      await next.stop();
      const file = readdirSync(profileDir!).find((name) => name.endsWith(".cpuprofile"));
      if (!file) throw new Error(`no profile written in ${profileDir}`);
      console.log(summariseProfile(path.join(profileDir!, file), root, { fromUs, toUs }));
      console.log(`\n---- cold start (spawn → first authenticated 200) ----\n${summariseProfile(path.join(profileDir!, file), root, coldStartWindow)}`);
      return;
    }

    // The bare server mirrors the list contract the app has: whole list, or a page.
    const bigPage = (await (await fetch(`${nextUrl}/api/${bigUser.id}/tasks`, { headers: { authorization: `Bearer ${bigUser.token}` } })).json()) as { tasks: unknown[]; next_cursor?: unknown };
    const listPageSize = "next_cursor" in bigPage ? bigPage.tasks.length : 0;
    const bare = startBare({ databaseUrl: database.url, port: barePort, issuerPort: nextPort, listPageSize, node: runtime.executable });
    servers.push(bare);
    await waitHealthy(bare, bareUrl);
    const contractProblems = await compareContracts(nextUrl, bareUrl, writers[0]!, writers[1]!);
    for (const problem of contractProblems) log(`WARNING: the bare server differs from the app: ${problem}`);

    // Warm-up of every route on both servers (JIT, pools, key caches), then the memory baseline.
    const floor: Scenario = { name: "floor", next: steps.floor, status: 401 };
    for (const [url, server] of [[nextUrl, next], [bareUrl, bare]] as const) {
      await run(url, server, scenarios.at(-1)!, settings.warmup * 2, true);
      await run(url, server, floor, settings.warmup, true);
    }
    const rssAfterWarmup = { next: rssMiB(next.pid), bare: rssMiB(bare.pid) };

    const rows: (Row & { load1: number })[] = [];
    for (const scenario of scenarios) {
      for (const [name, url, server] of [["next", nextUrl, next], ["bare", bareUrl, bare]] as const) {
        await run(url, server, scenario, settings.warmup, true);
        const loadBefore = load1();
        const result = await run(url, server, scenario, settings.seconds, false);
        // Right after, on the same warm server: what the same load costs when no request gets
        // past the token check. The machine is shared: a floor measured minutes apart would not
        // compare.
        const floorResult = await run(url, server, floor, settings.seconds, false);
        rows.push({ scenario: scenario.name, server: name, result, floor: floorResult, load1: loadBefore });
        for (const [label, each] of [[scenario.name, result], ["floor", floorResult]] as const) {
          log(`${label.padEnd(6)} ${name}: ${String(each.rps).padStart(5)} req/s, p50 ${each.p50} ms, p95 ${each.p95} ms, p99 ${each.p99} ms, ${each.cpuMsPerRequest} ms CPU/request (load average ${loadBefore})`);
        }
      }
    }
    const rssAfterRun = { next: rssMiB(next.pid), bare: rssMiB(bare.pid) };

    const bigList = only ? undefined : await measureBigList(nextUrl, next, bigUser);
    const report = buildReport({ quick, settings, serverNode: runtime.version, rows, coldStartMs, listeningMs, rssAfterWarmup, rssAfterRun, bigList, contractProblems, listPageSize });
    console.log(`\n${formatTable(rows)}\n`);
    console.log(`targets (reported, never asserted):\n${formatTargets(report.targets)}\n`);
    const file = path.join(resultsDir, quick ? "latest-quick.json" : "latest.json");
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${path.relative(root, file)}; load average now ${load1()}`);
  } finally {
    await stopAll();
    await dropDatabase(adminUrl, database.name);
  }
}

/** The 100,000-task user's default list page under the same load as the 20-task list. */
interface BigList {
  tasksPerResponse: number;
  singleRequestMs: number;
  result: Measurement | undefined;
}

async function measureBigList(nextUrl: string, next: Server, user: BenchUser): Promise<BigList> {
  const headers = { authorization: `Bearer ${user.token}` };
  const started = performance.now();
  const first = (await (await fetch(`${nextUrl}/api/${user.id}/tasks`, { headers })).json()) as { tasks: unknown[] };
  const singleMs = Math.round(performance.now() - started);
  if (first.tasks.length > 1000) {
    // No pagination: every request returns the whole history. Loading that at 50 connections
    // would take minutes and gigabytes; one request says enough.
    log(`big list: one request returned all ${first.tasks.length} tasks in ${singleMs} ms (no pagination); load skipped`);
    return { tasksPerResponse: first.tasks.length, singleRequestMs: singleMs, result: undefined };
  }
  const scenario: Scenario = { name: "list-100k", next: () => ({ method: "GET", path: `/api/${user.id}/tasks`, headers }) };
  await run(nextUrl, next, scenario, settings.warmup, true);
  const result = await run(nextUrl, next, scenario, settings.seconds, false);
  log(`big list (${settings.bigList} tasks, ${first.tasks.length} per page): ${result.rps} req/s, p95 ${result.p95} ms, ${result.cpuMsPerRequest} ms CPU/request`);
  return { tasksPerResponse: first.tasks.length, singleRequestMs: singleMs, result };
}

main()
  .then(() => {
    if (failedResponses > 0) {
      console.error(`[bench] FAILED: ${failedResponses} responses were not 2xx or failed`);
      process.exit(1);
    }
  })
  .catch((error: unknown) => {
    console.error(`[bench] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
