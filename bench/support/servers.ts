import { randomBytes } from "node:crypto";
import path from "node:path";
import { startProcess, waitFor, type Server } from "./processes";

const root = path.resolve(import.meta.dirname, "../..");

export interface ServerOptions {
  databaseUrl: string;
  port: number;
  /** Where `node --cpu-prof` writes its profile; unset: no profiling. */
  profileDir?: string;
  /** The project directory to serve (its `.next` is the build); default: this checkout. */
  cwd?: string;
  /** The `node` binary to run on (bench/support/node.ts); default: the one running the bench. */
  node?: string;
}

/** One secret per bench run: the app refuses to start in production with a DATABASE_URL and none. */
const secret = randomBytes(32).toString("base64url");

export const issuerFor = (port: number) => `http://127.0.0.1:${port}`;

/**
 * The app's environment for `next start`. Configuration the bench does not mean to set (a
 * developer's DATA_DIR, DATABASE_DRIVER, …) is not inherited.
 *
 * - LOG_LEVEL stays `info`, the production default: the app's one JSON line per request (pino,
 *   synchronous) is part of what is measured. stdout goes to /dev/null, so the writes cost their
 *   system call, not a terminal's or a log shipper's speed.
 * - JWT_TTL_SECONDS=3600: the full run takes several minutes; a 15-minute token must not expire
 *   mid-run.
 * - RATE_LIMIT_REQUESTS (the per-user budget per second): the bench measures throughput,
 *   and a limiter refusing load would turn figures into 429s. The limiter still runs (its
 *   database upsert per request is measured); only its budget is raised. Override with
 *   BENCH_RATE_LIMIT_PER_SECOND.
 * - Seeding signs up hundreds of users, each as a client of its own address (X-Forwarded-For,
 *   bench/support/seed.ts): as behind a proxy on this machine (TRUSTED_PROXIES), so Better
 *   Auth's per-address limits count them apart, and with the global sign-up budget raised.
 */
export function nextEnv(options: ServerOptions): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    ["PATH", "HOME", "LANG", "TZ", "TMPDIR"].flatMap((key) => (process.env[key] ? [[key, process.env[key]]] : [])),
  );
  const rateLimit = process.env.BENCH_RATE_LIMIT_PER_SECOND ?? "1000000";
  return {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    BETTER_AUTH_SECRET: secret,
    BETTER_AUTH_URL: issuerFor(options.port),
    JWT_TTL_SECONDS: "3600",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    RATE_LIMIT_REQUESTS: rateLimit,
    TRUSTED_PROXIES: "127.0.0.1,::1",
    SIGNUP_RATE_LIMIT_PER_MINUTE: "1000000",
  };
}

/** `next start` on the production build, in one process (Next 16 serves from the process itself). */
export function startNext(options: ServerOptions): Server {
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  return startProcess(
    "next start",
    options.node ?? process.execPath,
    [...profile, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(options.port), "-H", "127.0.0.1"],
    nextEnv(options),
    { cwd: options.cwd ?? root },
  );
}

/** The bare server (bench/bare/server.ts), same database, same token issuer and trusted origins. */
export function startBare(options: ServerOptions & { issuerPort: number; listPageSize: number }): Server {
  const origin = issuerFor(options.issuerPort);
  return startProcess("bare server", options.node ?? process.execPath, ["--import", "tsx", path.join(root, "bench/bare/server.ts")], {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    JWT_AUDIENCE: origin,
    TRUSTED_ORIGINS: [origin, `http://localhost:${options.issuerPort}`].join(","),
    POOL_MAX: process.env.BENCH_POOL_MAX ?? "10",
    LIST_PAGE_SIZE: String(options.listPageSize),
  }, { cwd: root });
}

export async function waitHealthy(server: Server, baseUrl: string): Promise<number> {
  return waitFor(`${server.name} /health`, async () => (await fetch(`${baseUrl}/health`)).ok, 60_000, server);
}
