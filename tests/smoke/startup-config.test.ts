import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../support/free-port";

const root = path.join(import.meta.dirname, "../..");
const goodSecret = "x".repeat(40);

/** Runs a command with a clean configuration plus `env`; resolves with its exit code and output. */
async function run(command: string[], env: Record<string, string>) {
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    // What `next start` runs with; nothing else from this shell leaks in.
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1", PORT: String(await freePort()), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.stdout.resume();
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  const lines = stderr.split("\n").filter((line) => line.trim() && !line.includes("npm warn"));
  return { code, lines };
}

const cases: [string, Record<string, string>, RegExp][] = [
  ["production without a secret", { DATABASE_URL: "postgres://u@127.0.0.1:5432/app" }, /BETTER_AUTH_SECRET is required in production/],
  ["a short secret", { BETTER_AUTH_SECRET: "too-short" }, /BETTER_AUTH_SECRET must be at least 32 characters/],
  ["a malformed DATABASE_URL", { DATABASE_URL: "mysql://u@db/app", BETTER_AUTH_SECRET: goodSecret }, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ connection URL/],
  ["Vercel without DATABASE_URL", { VERCEL: "1", VERCEL_ENV: "preview", VERCEL_URL: "x.vercel.app", BETTER_AUTH_SECRET: goodSecret }, /DATABASE_URL is required on Vercel/],
];

describe("start-up refuses bad configuration: non-zero exit, one clear line, no stack trace", () => {
  it.each(cases)("next start – %s", async (_name, env, message) => {
    const { code, lines } = await run(["node_modules/.bin/next", "start"], env);
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^todo-next: /);
    expect(lines[0]).toMatch(message);
  });

  it.each(cases)("npm run db:migrate – %s", async (_name, env, message) => {
    const { code, lines } = await run(["npm", "run", "--silent", "db:migrate"], env);
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
