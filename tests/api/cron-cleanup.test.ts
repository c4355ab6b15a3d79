import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { deleteExpiredRows } from "@/lib/cleanup";
import { env } from "@/lib/env";
import { call, signUp, tasksPath } from "../support/api";
import { usingPostgres } from "../support/database";

const rows = async <T>(query: ReturnType<typeof sql>) => ((await getDb().execute(query)) as unknown as { rows: T[] }).rows;

const mutableEnv = env as { cronSecret: string | undefined };
const CRON_SECRET = "test-cron-secret-0123456789";

afterEach(() => {
  mutableEnv.cronSecret = undefined;
});

describe("GET /api/cron/cleanup – Vercel Cron", () => {
  it("is off without CRON_SECRET: 404 NOT_FOUND in the envelope, whatever is sent", async () => {
    for (const headers of [{}, { authorization: "Bearer anything-at-all-long-enough" }] as Record<string, string>[]) {
      const response = await call("GET", "/api/cron/cleanup", { headers });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ detail: expect.stringContaining("CRON_SECRET is not set"), error_code: "NOT_FOUND", timestamp: expect.any(String) });
    }
  });

  it("with CRON_SECRET: 401 AUTH_MISSING without the Bearer secret, 401 AUTH_INVALID with another; nothing is deleted", async () => {
    mutableEnv.cronSecret = CRON_SECRET;
    // An expired row only the cleanup deletes (creates sweep idempotency records, not these).
    const tag = randomUUID();
    await getDb().execute(sql`insert into verification (id, identifier, value, expires_at) values (${tag}, ${tag}, 'x', now() - interval '1 day')`);
    const cases = [
      [{}, "AUTH_MISSING"],
      [{ authorization: CRON_SECRET }, "AUTH_MISSING"],
      [{ authorization: `Basic ${CRON_SECRET}` }, "AUTH_MISSING"],
      [{ authorization: "Bearer wrong-secret-0123456789" }, "AUTH_INVALID"],
      [{ authorization: `Bearer ${CRON_SECRET}x` }, "AUTH_INVALID"],
      [{ authorization: `Bearer ${CRON_SECRET.slice(0, -1)}` }, "AUTH_INVALID"],
    ] as const;
    for (const [headers, code] of cases) {
      const response = await call("GET", "/api/cron/cleanup", { headers });
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.body.error_code, JSON.stringify(headers)).toBe(code);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect(await rows(sql`select id from verification where id = ${tag}`)).toEqual([{ id: tag }]);
    await getDb().execute(sql`delete from verification where id = ${tag}`);
  });

  it("with the secret: deletes expired idempotency records, sessions, verifications, ended request windows and stale sign-in counters, and keeps the rest", async () => {
    mutableEnv.cronSecret = CRON_SECRET;
    const user = await signUp();
    const tag = randomUUID();
    await call("POST", tasksPath(user), { token: user.token, body: { title: "old" }, headers: { "idempotency-key": `old-${tag}` } });
    await call("POST", tasksPath(user), { token: user.token, body: { title: "new" }, headers: { "idempotency-key": `new-${tag}` } });
    const db = getDb();
    await db.execute(sql`update idempotency_keys set created_at = now() - interval '25 hours' where key = ${`old-${tag}`}`);
    await db.execute(sql`insert into session (id, expires_at, token, created_at, updated_at, user_id) values
      (${`old-${tag}`}, now() - interval '1 day', ${`old-token-${tag}`}, now() - interval '8 days', now(), ${user.id}),
      (${`new-${tag}`}, now() + interval '1 day', ${`new-token-${tag}`}, now(), now(), ${user.id})`);
    await db.execute(sql`insert into verification (id, identifier, value, expires_at) values
      (${`old-${tag}`}, ${tag}, 'x', now() - interval '1 minute'), (${`new-${tag}`}, ${tag}, 'x', now() + interval '1 hour')`);
    await db.execute(sql`insert into api_rate_limits (key, window_start, count) values
      (${`old-${tag}`}, now() - interval '2 hours', 5), (${`new-${tag}`}, now(), 5)`);
    await db.execute(sql`insert into rate_limit (id, key, count, last_request) values
      (${`old-${tag}`}, ${`old-${tag}`}, 3, ${Date.now() - 2 * 86_400_000}), (${`new-${tag}`}, ${`new-${tag}`}, 3, ${Date.now()})`);

    const response = await call("GET", "/api/cron/cleanup", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(response.status).toBe(200);
    expect(response.body.complete).toBe(true);
    for (const table of ["sessions", "verifications", "api_rate_limits", "rate_limits"]) {
      expect(response.body.deleted[table], table).toBeGreaterThanOrEqual(1);
    }
    // On a shared PostgreSQL another worker's create may have swept the expired record first.
    expect(response.body.deleted.idempotency_keys).toBeGreaterThanOrEqual(usingPostgres ? 0 : 1);
    const left = await rows<{ name: string; id: string }>(sql`
      select 'idempotency_keys' as name, key as id from idempotency_keys where user_id = ${user.id}
      union all select 'session', id from session where id in (${`old-${tag}`}, ${`new-${tag}`})
      union all select 'verification', id from verification where identifier = ${tag}
      union all select 'api_rate_limits', key from api_rate_limits where key in (${`old-${tag}`}, ${`new-${tag}`})
      union all select 'rate_limit', id from rate_limit where id in (${`old-${tag}`}, ${`new-${tag}`})
      order by 1`);
    expect(left).toEqual([
      { name: "api_rate_limits", id: `new-${tag}` },
      { name: "idempotency_keys", id: `new-${tag}` },
      { name: "rate_limit", id: `new-${tag}` },
      { name: "session", id: `new-${tag}` },
      { name: "verification", id: `new-${tag}` },
    ]);
    // The user's own session (from signing up) is untouched: still signed in.
    expect((await call("GET", "/api/auth/get-session", { headers: { cookie: user.cookie } })).body.user.id).toBe(user.id);
  });

  it("works in batches under a time budget: out of time, it says the run is not complete", async () => {
    await expect(deleteExpiredRows(0)).resolves.toEqual({
      deleted: { idempotency_keys: 0, sessions: 0, verifications: 0, api_rate_limits: 0, rate_limits: 0 },
      complete: false,
    });
  });

  it("other methods → 405 METHOD_NOT_ALLOWED with Allow: GET", async () => {
    mutableEnv.cronSecret = CRON_SECRET;
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const response = await call(method, "/api/cron/cleanup", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe("GET");
    }
  });
});
