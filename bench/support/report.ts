import os from "node:os";
import type { Measurement } from "./load";

export interface Row {
  scenario: string;
  server: "next" | "bare";
  result: Measurement;
  /** The same server's floor (401 without a token), measured right after the scenario. */
  floor?: Measurement;
}

const ratio = (value: number, base: number) => (Number.isFinite(value / base) ? `${(value / base).toFixed(2)}×` : "–");
const pad = (text: string, width: number, right = false) => (right ? text.padEnd(width) : text.padStart(width));

/**
 * The results table: one line per scenario and server, each followed by that server's floor;
 * Next's figures carry their ratio to bare, and every scenario its ratio to its own floor.
 */
export function formatTable(rows: Row[]): string {
  const header = ["scenario", "server", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "unexpected", "CPU ms/req", "req/s ÷ bare", "p95 ÷ bare", "p99 ÷ bare", "CPU ÷ bare", "req/s ÷ floor", "p99 ÷ floor", "CPU ÷ floor"];
  const lines: string[][] = [header];
  const cpuOf = (m: Measurement) => m.cpuMsPerRequest ?? NaN;
  const figures = (name: string, server: string, r: Measurement) => {
    const cpu = r.cpuMsPerRequest === undefined ? "–" : r.cpuMsPerRequest.toFixed(2);
    return [name, server, String(r.rps), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), String(r.errors + r.timeouts), String(r.unexpected), cpu];
  };
  for (const row of rows) {
    const bare = rows.find((other) => other.scenario === row.scenario && other.server === "bare")?.result;
    const r = row.result;
    const toBare =
      row.server === "next" && bare ? [ratio(r.rps, bare.rps), ratio(r.p95, bare.p95), ratio(r.p99, bare.p99), ratio(cpuOf(r), cpuOf(bare))] : ["", "", "", ""];
    const toFloor = row.floor ? [ratio(r.rps, row.floor.rps), ratio(r.p99, row.floor.p99), ratio(cpuOf(r), cpuOf(row.floor))] : ["", "", ""];
    lines.push([...figures(row.scenario, row.server, r), ...toBare, ...toFloor]);
    if (row.floor) lines.push([...figures("  floor", row.server, row.floor), "", "", "", "", "", "", ""]);
  }
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  return lines
    .map((line, index) => {
      const text = line.map((cell, column) => pad(cell, widths[column]!, column < 2)).join("  ").trimEnd();
      return index === 0 ? `${text}\n${widths.map((width) => "-".repeat(width)).join("  ")}` : text;
    })
    .join("\n");
}

export interface Target {
  name: string;
  value: string;
  met: boolean | null;
}

export function formatTargets(targets: Target[]): string {
  return targets.map((t) => `  ${t.met === null ? "n/a " : t.met ? "met " : "MISS"}  ${t.name}: ${t.value}`).join("\n");
}

interface ReportInput {
  quick: boolean;
  settings: { users: number; tasksEach: number; bigList: number; warmup: number; seconds: number; connections: number };
  /** The Node version the servers ran on. */
  serverNode: string;
  rows: (Row & { load1: number })[];
  coldStartMs: number;
  listeningMs: number;
  rssAfterWarmup: { next: number; bare: number };
  rssAfterRun: { next: number; bare: number };
  bigList: { tasksPerResponse: number; singleRequestMs: number; result: Measurement | undefined } | undefined;
  contractProblems: string[];
  listPageSize: number;
}

/** The issue's targets, from whatever this run measured (a partial run leaves some out). */
function targetsOf(input: ReportInput): Target[] {
  const find = (scenario: string, server: string) => input.rows.find((row) => row.scenario === scenario && row.server === server)?.result;
  const [mixNext, mixBare, listNext] = [find("mix", "next"), find("mix", "bare"), find("list", "next")];
  const worstP99 = Math.max(...input.rows.filter((row) => row.server === "next").map((row) => row.result.p99));
  const leak = input.rssAfterRun.next / input.rssAfterWarmup.next;
  const targets: Target[] = [];
  const mixFloor = input.rows.find((row) => row.scenario === "mix" && row.server === "next")?.floor;
  if (mixNext && mixFloor) {
    const cpu = (mixNext.cpuMsPerRequest ?? NaN) / (mixFloor.cpuMsPerRequest ?? NaN);
    targets.push(
      { name: "mix req/s ≥ 0.7× floor", value: `${mixNext.rps} vs ${mixFloor.rps} req/s (${(mixNext.rps / mixFloor.rps).toFixed(2)}×)`, met: mixNext.rps >= 0.7 * mixFloor.rps },
      { name: "mix CPU ms/request ≤ 2× floor", value: `${mixNext.cpuMsPerRequest} vs ${mixFloor.cpuMsPerRequest} ms (${cpu.toFixed(2)}×)`, met: cpu <= 2 },
    );
  }
  const againstFloor = input.rows.filter((row) => row.server === "next" && row.floor);
  if (againstFloor.length) {
    const worst = againstFloor.reduce((a, b) => (a.result.p99 / a.floor!.p99 >= b.result.p99 / b.floor!.p99 ? a : b));
    const worstRatio = worst.result.p99 / worst.floor!.p99;
    targets.push({
      name: "every scenario's p99 ≤ 2× its floor's (next)",
      value: `worst ${worst.scenario}: ${worst.result.p99} vs ${worst.floor!.p99} ms (${worstRatio.toFixed(2)}×)`,
      met: worstRatio <= 2,
    });
  }
  if (mixNext && mixBare) {
    targets.push(
      { name: "mix req/s ≥ 0.5× bare", value: `${(mixNext.rps / mixBare.rps).toFixed(2)}×`, met: mixNext.rps >= 0.5 * mixBare.rps },
      { name: "mix p95 ≤ 2× bare", value: `${(mixNext.p95 / mixBare.p95).toFixed(2)}×`, met: mixNext.p95 <= 2 * mixBare.p95 },
    );
  }
  targets.push(
    { name: "every scenario p99 < 50 ms (next)", value: `worst ${worstP99} ms`, met: worstP99 < 50 },
    { name: "cold start ≤ 1 s to the first authenticated 200", value: `${input.coldStartMs} ms`, met: input.coldStartMs <= 1000 },
    { name: "RSS after the run ≤ 1.2× after warm-up (next)", value: `${input.rssAfterWarmup.next} → ${input.rssAfterRun.next} MiB (${leak.toFixed(2)}×)`, met: leak <= 1.2 },
  );
  if (input.bigList && listNext) {
    const big = input.bigList;
    const bigP95 = big.result?.p95 ?? big.singleRequestMs;
    targets.push({
      name: `list p95 with ${input.settings.bigList} tasks ≤ 1.5× the ${input.settings.tasksEach}-task list`,
      value: `${bigP95} ms vs ${listNext.p95} ms (${(bigP95 / listNext.p95).toFixed(2)}×)${big.result ? "" : `; unpaginated: one request, ${big.tasksPerResponse} tasks`}`,
      // The quick run seeds 10,000, not 100,000: its figure says nothing about the target.
      met: input.quick ? null : bigP95 <= 1.5 * listNext.p95,
    });
  }
  return targets;
}

/** Everything the run measured, as written to bench/results/latest.json. */
export function buildReport(input: ReportInput) {
  return {
    date: new Date().toISOString(),
    mode: input.quick ? "quick" : "full",
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: input.serverNode,
      loadGeneratorNode: process.version,
      loadAverageAtEnd: os.loadavg(),
    },
    settings: input.settings,
    coldStartMs: input.coldStartMs,
    coldStartPortOpenMs: input.listeningMs,
    rssMiB: { afterWarmup: input.rssAfterWarmup, afterRun: input.rssAfterRun },
    bigList: input.bigList ? { tasks: input.settings.bigList, ...input.bigList } : undefined,
    bareListPageSize: input.listPageSize,
    contractProblems: input.contractProblems,
    rows: input.rows,
    targets: targetsOf(input),
  };
}
