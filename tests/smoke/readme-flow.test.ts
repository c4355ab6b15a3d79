import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server";

const run = promisify(execFile);
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

/** The README's curl block, exactly as written, pointed at this server's port. */
function readmeCurlFlow(baseUrl: string): string {
  const readme = readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### The whole flow with curl"));
  const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("README has no curl block");
  expect(block).toContain("BASE=http://localhost:3000");
  return block.replace("BASE=http://localhost:3000", `BASE=${baseUrl}`);
}

describe("production build on the embedded database (npm start)", () => {
  it("the README's curl flow works as written", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "todo-curl-"));
    const { stdout } = await run("bash", ["-euo", "pipefail", "-c", readmeCurlFlow(server.baseUrl)], { cwd });
    const lines = stdout.split("\n").filter(Boolean);
    expect(lines[0]).toContain('"email":"ada@example.com"');
    expect(stdout).toContain('"title":"Buy milk","description":"2 litres","complete":false');
    expect(stdout).toContain('{"tasks":[{"id":1,');
    expect(stdout).toContain('"title":"Buy oat milk","description":null,"complete":false');
    expect(stdout).toContain('"title":"Buy oat milk","description":null,"complete":true');
    expect(lines).toContain("204");
    expect(lines).toHaveLength(8);
    expect(lines[7]).toBe('{"success":true}');
  });

  it("a generated secret is announced in one log line and kept beside the data", () => {
    const secret = readFileSync(path.join(server.dataDir, "auth-secret"), "utf8").trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(server.output()).toContain("BETTER_AUTH_SECRET is not set: generated one");
  });

  it("a second process on the same data directory gets a clear error, not a corrupt database", async () => {
    const result = await run("npm", ["run", "--silent", "db:migrate"], {
      env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: "" },
    }).catch((error: { code: number; stderr: string }) => error);
    expect("code" in result && result.code).toBe(1);
    expect((result as { stderr: string }).stderr).toContain(`The embedded database at ${path.join(server.dataDir, "pglite")} is already open in another process`);
    expect((result as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
  });

  it("unknown paths under /api get the envelope's 404; the routes beside the catch-all still win", async () => {
    const answer = async (pathname: string, method = "GET") => {
      const response = await fetch(`${server.baseUrl}${pathname}`, { method });
      return { status: response.status, type: response.headers.get("content-type"), body: (await response.json()) as Record<string, unknown> };
    };
    for (const [pathname, method] of [["/api/u", "GET"], ["/api/u/task", "GET"], ["/api/u/tasks/1/x", "DELETE"], ["/api/auth", "POST"]]) {
      expect(await answer(pathname!, method), `${method} ${pathname}`).toMatchObject({
        status: 404,
        type: "application/json",
        body: { error_code: "NOT_FOUND", detail: expect.stringContaining(`No API endpoint at ${pathname}.`) },
      });
    }
    expect(await answer("/api/u/tasks")).toMatchObject({ status: 401, body: { error_code: "AUTH_MISSING" } });
    expect(await answer("/api/u/tasks/1")).toMatchObject({ status: 401, body: { error_code: "AUTH_MISSING" } });
    expect(await answer("/api/auth/get-session")).toMatchObject({ status: 200 });
    expect((await answer("/api/openapi.json")).body).toHaveProperty("openapi", "3.1.0");
  });
});
