import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/index";
import { clearKeyCache } from "@/lib/api/access-token";
import { logger } from "@/lib/logger";
import { call, createTask, signUp, tasksPath, type ApiResponse } from "../support/api";
import { databaseProxy, usingPostgres } from "../support/database";

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

function expectDatabaseError(response: Awaited<ReturnType<typeof call>>) {
  expect(response.status).toBe(500);
  expect(response.headers.get("retry-after")).toBe("2");
  expect(response.body).toEqual({
    detail: expect.any(String),
    error_code: "DATABASE_ERROR",
    timestamp: expect.any(String),
  });
  // No driver, network or SQL detail reaches the client.
  expect(response.text).not.toMatch(/ECONN|timeout|select|relation|tasks_/i);
}

/**
 * Recovery "by itself": no restart, no intervention, within a few seconds. A pooled connection
 * that died in the outage may fail one more request before the pool drops it (seen with the
 * Neon driver, whose WebSocket bridge notices a dead upstream a moment later).
 */
async function eventuallyOk(run: () => Promise<ApiResponse<any>>) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const response = await run();
    if (response.status === 200 || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

afterEach(() => {
  databaseProxy()?.setMode("pass");
  vi.restoreAllMocks();
});

describe.runIf(usingPostgres)("database outage: PostgreSQL behind a proxy the test cuts", () => {
  it("refused connections → 500 DATABASE_ERROR at once, /health 503, and recovery without restart", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const user = await signUp();
    const task = await createTask(user);
    databaseProxy()!.setMode("refuse");

    const { result: failed, ms } = await timed(() => call("GET", tasksPath(user), { token: user.token }));
    expectDatabaseError(failed);
    expect(ms).toBeLessThan(3_000);
    const health = await call("GET", "/health");
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: "unavailable", database: "unavailable" });

    databaseProxy()!.setMode("pass");
    const recovered = await eventuallyOk(() => call("GET", tasksPath(user), { token: user.token }));
    expect(recovered.status).toBe(200);
    expect(recovered.body.tasks).toEqual([task]);
    expect((await eventuallyOk(() => call("GET", "/health"))).status).toBe(200);
  });

  it("a stalled network (packets go nowhere) → DATABASE_ERROR within a few seconds, never a hang", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const user = await signUp();
    databaseProxy()!.setMode("blackhole");

    const { result: failed, ms } = await timed(() =>
      call("POST", tasksPath(user), { token: user.token, body: { title: "lost?" } }),
    );
    expectDatabaseError(failed);
    expect(ms).toBeLessThan(6_000);
    const { result: health, ms: healthMs } = await timed(() => call("GET", "/health"));
    expect(health.status).toBe(503);
    expect(healthMs).toBeLessThan(3_000);

    databaseProxy()!.setMode("pass");
    const list = await eventuallyOk(() => call("GET", tasksPath(user), { token: user.token }));
    expect(list.status).toBe(200);
    // The failed create did not happen behind the client's back.
    expect(list.body.count).toBe(0);
  });

  it("signing keys unreadable → DATABASE_ERROR, not a false AUTH_INVALID", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const user = await signUp();
    clearKeyCache();
    databaseProxy()!.setMode("refuse");
    expectDatabaseError(await call("GET", tasksPath(user), { token: user.token }));
    databaseProxy()!.setMode("pass");
    expect((await eventuallyOk(() => call("GET", tasksPath(user), { token: user.token }))).status).toBe(200);
  });
});

describe.runIf(!usingPostgres)("database failure: the embedded database refuses the queries", () => {
  // PGlite runs in-process and cannot become unreachable; what can fail is the query itself.
  // Renaming the tables away makes every task and key query fail for real.
  async function renameTables(from: "" | "_gone", to: "" | "_gone") {
    await getDb().execute(sql.raw(`ALTER TABLE "tasks${from}" RENAME TO "tasks${to}"`));
    await getDb().execute(sql.raw(`ALTER TABLE "jwks${from}" RENAME TO "jwks${to}"`));
  }

  it("failing queries → 500 DATABASE_ERROR for tasks and for token keys, then recovery", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const user = await signUp();
    const task = await createTask(user);
    await renameTables("", "_gone");
    try {
      expectDatabaseError(await call("GET", tasksPath(user), { token: user.token }));
      expectDatabaseError(await call("POST", tasksPath(user), { token: user.token, body: { title: "x" } }));
      clearKeyCache();
      expectDatabaseError(await call("GET", tasksPath(user, task.id), { token: user.token }));
    } finally {
      await renameTables("_gone", "");
    }
    const recovered = await call("GET", tasksPath(user), { token: user.token });
    expect(recovered.status).toBe(200);
    expect(recovered.body.tasks).toEqual([task]);
  });
});

describe("GET /health", () => {
  it("200 {status: ok, database: ok} without authentication", async () => {
    const response = await call("GET", "/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok", database: "ok" });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });
});
