import type { Measurement } from "./load";

export interface Row {
  scenario: string;
  server: "next" | "bare";
  result: Measurement;
}

const ratio = (value: number, base: number) => (Number.isFinite(value / base) ? `${(value / base).toFixed(2)}×` : "–");
const pad = (text: string, width: number, right = false) => (right ? text.padEnd(width) : text.padStart(width));

/** The results table: one line per scenario and server; Next's figures carry their ratio to bare. */
export function formatTable(rows: Row[]): string {
  const header = ["scenario", "server", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "non-2xx", "req/s ratio", "p50 ratio", "p95 ratio", "p99 ratio"];
  const lines: string[][] = [header];
  for (const row of rows) {
    const bare = rows.find((other) => other.scenario === row.scenario && other.server === "bare")?.result;
    const r = row.result;
    const ratios =
      row.server === "next" && bare
        ? [ratio(r.rps, bare.rps), ratio(r.p50, bare.p50), ratio(r.p95, bare.p95), ratio(r.p99, bare.p99)]
        : ["", "", "", ""];
    lines.push([row.scenario, row.server, String(r.rps), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), String(r.errors + r.timeouts), String(r.non2xx), ...ratios]);
  }
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  return lines
    .map((line, index) => {
      const text = line.map((cell, column) => pad(cell, widths[column]!, column < 2)).join("  ");
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
