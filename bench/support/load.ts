import autocannon from "autocannon";
import type { BenchUser } from "./seed";

/** One request of a scenario, chosen afresh for every request a connection sends. */
export interface Step {
  method: "GET" | "POST" | "PATCH";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** `status`: the one status every response must have; unset, any 2xx. */
export type Scenario = { name: string; next: () => Step; status?: number };

export interface Measurement {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses not of the scenario's status (not 2xx, when it names none). */
  unexpected: number;
  statuses: Record<string, number>;
  /** The server process's CPU time per response (user + system), when the caller measured it. */
  cpuMsPerRequest?: number;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
const auth = (user: BenchUser) => ({ authorization: `Bearer ${user.token}` });
const json = (user: BenchUser) => ({ ...auth(user), "content-type": "application/json" });

let serial = 0;
export const steps = {
  list: (users: BenchUser[]): Step => {
    const user = pick(users);
    return { method: "GET", path: `/api/${user.id}/tasks`, headers: auth(user) };
  },
  get: (users: BenchUser[]): Step => {
    const user = pick(users);
    return { method: "GET", path: `/api/${user.id}/tasks/${pick(user.taskIds)}`, headers: auth(user) };
  },
  create: (users: BenchUser[]): Step => {
    const user = pick(users);
    serial += 1;
    return { method: "POST", path: `/api/${user.id}/tasks`, headers: json(user), body: JSON.stringify({ title: `load task ${serial}`, description: serial % 2 ? null : "written by the bench" }) };
  },
  /**
   * The floor: what every API request pays before it touches the database (routing, the wrapper,
   * the error mapper, the log line), as the 401 of a request without a token.
   */
  floor: (): Step => ({ method: "GET", path: "/api/u/tasks", headers: {} }),
  patch: (users: BenchUser[]): Step => {
    const user = pick(users);
    serial += 1;
    const body = serial % 2 ? { complete: serial % 4 === 1 } : { title: `renamed ${serial}` };
    return { method: "PATCH", path: `/api/${user.id}/tasks/${pick(user.taskIds)}`, headers: json(user), body: JSON.stringify(body) };
  },
};

/** The mix: 60% list, 20% get, 10% create, 10% patch. */
export function mixed(readers: BenchUser[], writers: BenchUser[]): () => Step {
  return () => {
    const roll = Math.random();
    if (roll < 0.6) return steps.list(readers);
    if (roll < 0.8) return steps.get(readers);
    if (roll < 0.9) return steps.create(writers);
    return steps.patch(writers);
  };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** The scenarios of every bench, in their order; `only` (names) narrows them. */
export function taskScenarios(readers: BenchUser[], writers: BenchUser[], only?: string[]): Scenario[] {
  const all: Scenario[] = [
    { name: "list", next: () => steps.list(readers) },
    { name: "get", next: () => steps.get(readers) },
    { name: "create", next: () => steps.create(writers) },
    { name: "patch", next: () => steps.patch(writers) },
    { name: "mix", next: mixed(readers, writers) },
  ];
  return all.filter((scenario) => !only || only.includes(scenario.name));
}

/**
 * Runs one scenario with autocannon and measures it from every response's own latency (autocannon's
 * summary histogram has no p95). Every connection picks a fresh request each time.
 */
export async function measure(baseUrl: string, scenario: Scenario, connections: number, seconds: number): Promise<Measurement> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        // A request unanswered after 30 s counts as failed (autocannon's default, 10 s, is
        // reached by a healthy but CPU-starved server on a busy 2-core machine).
        timeout: 30,
        requests: [{ setupRequest: (request) => ({ ...request, ...scenario.next() }) }],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  const round = (value: number) => Math.round(value * 100) / 100;
  const non2xx = Object.entries(statuses).reduce((sum, [status, count]) => sum + (status.startsWith("2") ? 0 : count), 0);
  const expected = (status: string) => (scenario.status === undefined ? status.startsWith("2") : status === String(scenario.status));
  const unexpected = Object.entries(statuses).reduce((sum, [status, count]) => sum + (expected(status) ? 0 : count), 0);
  return {
    requests: latencies.length,
    seconds: result.duration,
    rps: Math.round(latencies.length / result.duration),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx,
    unexpected,
    statuses,
  };
}
