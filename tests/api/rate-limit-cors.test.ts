import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { consumeRateLimit, rateLimitHeaders } from "@/lib/api/rate-limit";
import { AppError } from "@/lib/errors";
import { call, signUp, tasksPath } from "../support/api";

describe("per-user rate limit of the task API", () => {
  it("successful responses carry the policy and the remaining budget (default 100 per second)", async () => {
    const user = await signUp();
    const first = await call("GET", tasksPath(user), { token: user.token });
    expect(first.headers.get("ratelimit-policy")).toBe('"per-user";q=100;w=1');
    expect(first.headers.get("ratelimit")).toMatch(/^"per-user";r=\d+;t=1$/);
    const remaining = (response: typeof first) => Number(/r=(\d+)/.exec(response.headers.get("ratelimit")!)![1]);
    const second = await call("GET", tasksPath(user), { token: user.token });
    expect(remaining(second)).toBeLessThanOrEqual(remaining(first));
  });

  it("lets the budget through and refuses the rest with 429 RATE_LIMITED, Retry-After and RateLimit headers", async () => {
    const { id: userId } = await signUp();
    const policy = { requests: 5, windowSeconds: 60 };
    const remaining: number[] = [];
    for (let i = 0; i < 5; i += 1) remaining.push((await consumeRateLimit(userId, policy))!.remaining);
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const refused = await consumeRateLimit(userId, policy).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    const error = refused as AppError;
    expect(error.status).toBe(429);
    expect(error.code).toBe("RATE_LIMITED");
    expect(Number(error.headers["Retry-After"])).toBeGreaterThanOrEqual(59);
    expect(error.headers["RateLimit-Policy"]).toBe('"per-user";q=5;w=60');
    expect(error.headers.RateLimit).toMatch(/^"per-user";r=0;t=(59|60)$/);
  });

  it("concurrent requests never exceed the budget, and a new window starts afresh", async () => {
    const { id: userId } = await signUp();
    // A long window, so a slow machine cannot stretch the burst across two windows.
    const policy = { requests: 10, windowSeconds: 60 };
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => consumeRateLimit(userId, policy)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(10);
    // Move the window into the past instead of sleeping through it.
    await getDb().execute(sql`update api_rate_limits set window_start = window_start - interval '61 seconds' where key = ${`user:${userId}`}`);
    expect((await consumeRateLimit(userId, policy))!.remaining).toBe(9);
  });

  it("a 429 from the API is the error envelope with the headers", async () => {
    const user = await signUp();
    expect((await call("GET", tasksPath(user), { token: user.token })).status).toBe(200);
    // Spend the rest of this window's budget at once.
    await getDb().execute(sql`update api_rate_limits set count = 1000000, window_start = now() + interval '5 seconds' where key = ${`user:${user.id}`}`);
    const response = await call("GET", tasksPath(user), { token: user.token });
    expect(response.status).toBe(429);
    expect(response.body).toMatchObject({ error_code: "RATE_LIMITED", detail: expect.any(String) });
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(response.headers.get("ratelimit")).toMatch(/r=0/);
  });

  it("a refused read answers 429 whatever the read found, and a refused write changes nothing", async () => {
    const user = await signUp();
    expect((await call("POST", tasksPath(user), { token: user.token, body: { title: "before the limit" } })).status).toBe(201);
    await getDb().execute(sql`update api_rate_limits set count = 1000000, window_start = now() + interval '5 seconds' where key = ${`user:${user.id}`}`);
    // The budget is checked before the read: its 404 must not reach the client.
    const read = await call("GET", tasksPath(user, 2147483647), { token: user.token });
    expect(read.status).toBe(429);
    expect(read.body).toMatchObject({ error_code: "RATE_LIMITED" });
    const write = await call("POST", tasksPath(user), { token: user.token, body: { title: "past the limit" } });
    expect(write.status).toBe(429);
    const titles = await getDb().execute(sql`select title from tasks where user_id = ${user.id} order by id`);
    expect((titles as unknown as { rows: { title: string }[] }).rows.map((row) => row.title)).toEqual(["before the limit"]);
  });

  it("requests: 0 turns the limit off", async () => {
    const { id: userId } = await signUp();
    expect(await consumeRateLimit(userId, { requests: 0, windowSeconds: 1 })).toBeUndefined();
    expect(rateLimitHeaders({ policy: { requests: 3, windowSeconds: 2 }, remaining: 1, resetSeconds: 2 })).toEqual({
      "RateLimit-Policy": '"per-user";q=3;w=2',
      RateLimit: '"per-user";r=1;t=2',
    });
  });
});

describe("CORS", () => {
  it("a preflight from a trusted origin is answered with the methods and headers a client needs", async () => {
    const { OPTIONS } = await import("@/app/api/[user_id]/tasks/[task_id]/route");
    const response = await OPTIONS(
      new Request("http://localhost:3000/api/u/tasks/1", {
        method: "OPTIONS",
        headers: { origin: "http://127.0.0.1:3000", "access-control-request-method": "PATCH", "access-control-request-headers": "authorization, if-match" },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, PUT, PATCH, DELETE, OPTIONS");
    expect(response.headers.get("access-control-allow-headers")).toContain("If-Match");
    expect(response.headers.get("access-control-allow-headers")).toContain("Idempotency-Key");
  });

  it("a preflight from a foreign origin gets no CORS permission", async () => {
    const { OPTIONS } = await import("@/app/api/[user_id]/tasks/route");
    const response = await OPTIONS(new Request("http://localhost:3000/api/u/tasks", { method: "OPTIONS", headers: { origin: "https://evil.example" } }));
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("vary")).toBe("Origin");
  });

  it("responses to a trusted origin expose ETag, Location, Link, Retry-After, RateLimit* and X-Request-Id", async () => {
    const user = await signUp();
    const response = await call("POST", tasksPath(user), { token: user.token, body: { title: "cors" }, headers: { origin: "http://localhost:3000" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    const exposed = response.headers.get("access-control-expose-headers")!.split(", ");
    for (const name of ["ETag", "Location", "Link", "Retry-After", "RateLimit", "RateLimit-Policy", "X-Request-Id"]) expect(exposed).toContain(name);
    const sameOriginless = await call("GET", tasksPath(user), { token: user.token });
    expect(sameOriginless.headers.get("access-control-allow-origin")).toBeNull();
  });
});
