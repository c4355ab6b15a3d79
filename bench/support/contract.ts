import type { BenchUser } from "./seed";

/**
 * Before any load: the same requests to both servers must give the same statuses and the same
 * JSON shape (keys, and the keys of a task), so the bare server really stands for the same API.
 * Differences are reported, not fatal: when the app grows, the bench keeps running and
 * says what the bare server no longer mirrors.
 */

interface Probe {
  name: string;
  method: string;
  path: (user: BenchUser, other: BenchUser) => string;
  auth?: boolean;
  body?: unknown;
}

const probes: Probe[] = [
  { name: "list", method: "GET", path: (u) => `/api/${u.id}/tasks`, auth: true },
  { name: "get", method: "GET", path: (u) => `/api/${u.id}/tasks/${u.taskIds[0]}`, auth: true },
  { name: "create", method: "POST", path: (u) => `/api/${u.id}/tasks`, auth: true, body: { title: "contract check" } },
  { name: "patch", method: "PATCH", path: (u) => `/api/${u.id}/tasks/${u.taskIds[0]}`, auth: true, body: { complete: true } },
  { name: "no token", method: "GET", path: (u) => `/api/${u.id}/tasks` },
  { name: "other user's path", method: "GET", path: (_u, o) => `/api/${o.id}/tasks`, auth: true },
  { name: "other user's task", method: "GET", path: (u, o) => `/api/${u.id}/tasks/${o.taskIds[0]}`, auth: true },
  { name: "no such task", method: "GET", path: (u) => `/api/${u.id}/tasks/2147483647`, auth: true },
  { name: "unknown field", method: "PATCH", path: (u) => `/api/${u.id}/tasks/${u.taskIds[0]}`, auth: true, body: { completed: true } },
];

function shape(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length ? shape(value[0]) : ""}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, inner]) => `${key}:${shape(inner)}`).join(",")}}`;
  }
  return value === null ? "null" : typeof value;
}

async function answer(baseUrl: string, probe: Probe, user: BenchUser, other: BenchUser) {
  const headers: Record<string, string> = probe.auth ? { authorization: `Bearer ${user.token}` } : {};
  if (probe.body) headers["content-type"] = "application/json";
  const response = await fetch(`${baseUrl}${probe.path(user, other)}`, {
    method: probe.method,
    headers,
    body: probe.body ? JSON.stringify(probe.body) : undefined,
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  // Nullable fields are null in some rows and strings in others: compare presence, not type.
  return { status: response.status, shape: shape(body).replaceAll(/:(null|string)/g, ":string?") };
}

/** The differences between the two servers' answers, as readable lines (empty: none). */
export async function compareContracts(nextUrl: string, bareUrl: string, user: BenchUser, other: BenchUser): Promise<string[]> {
  const problems: string[] = [];
  for (const probe of probes) {
    const next = await answer(nextUrl, probe, user, other);
    const bare = await answer(bareUrl, probe, user, other);
    if (next.status !== bare.status) problems.push(`${probe.name}: status ${next.status} (next) vs ${bare.status} (bare)`);
    else if (next.shape !== bare.shape) problems.push(`${probe.name}: body ${next.shape} (next) vs ${bare.shape} (bare)`);
  }
  return problems;
}
