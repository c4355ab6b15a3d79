import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { call, signUp, tasksPath, type TestUser } from "../support/api";
import { usingPostgres } from "../support/database";

const count = async (query: ReturnType<typeof sql>) => ((await getDb().execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
const keysOf = (user: TestUser) => count(sql`select count(*)::int as n from idempotency_keys where user_id = ${user.id}`);

/**
 * Backdates a user's idempotency records by `days`. The sweep takes the oldest first, and other
 * tests (other workers, on a shared database) may leave expired records: each test here uses an
 * age of its own and removes what it leaves.
 */
const age = (user: TestUser, days: number) =>
  getDb().execute(sql`update idempotency_keys set created_at = now() - make_interval(days => ${days}) where user_id = ${user.id}`);

describe("expired idempotency records are deleted as new ones are written", () => {
  it("the attack: 30 × (POST with a fresh Idempotency-Key, DELETE) keeps the user at 0 tasks; once the records expire, the next creates delete them", async () => {
    const user = await signUp();
    for (let round = 0; round < 30; round += 1) {
      const created = await call("POST", tasksPath(user), { token: user.token, body: { title: `churn ${round}` }, headers: { "idempotency-key": `churn-${randomUUID()}` } });
      expect(created.status).toBe(201);
      expect((await call("DELETE", tasksPath(user, created.body.id), { token: user.token })).status).toBe(204);
    }
    expect(await keysOf(user)).toBe(30);
    await age(user, 20_000);
    // Each create sweeps up to 10 of the oldest expired records, anyone's.
    const other = await signUp();
    for (let round = 0; round < 3; round += 1) {
      await call("POST", tasksPath(other), { token: other.token, body: { title: "new" }, headers: { "idempotency-key": `sweep-${randomUUID()}` } });
    }
    expect(await keysOf(user)).toBe(0);
    expect(await keysOf(other)).toBe(3);
  });

  it("a create sweeps at most 10, and never a record that has not expired", async () => {
    const user = await signUp();
    for (let round = 0; round < 14; round += 1) {
      await call("POST", tasksPath(user), { token: user.token, body: { title: `t ${round}` }, headers: { "idempotency-key": `batch-${round}` } });
    }
    await age(user, 19_000);
    const fresh = await call("POST", tasksPath(user), { token: user.token, body: { title: "fresh" }, headers: { "idempotency-key": "fresh-key" } });
    expect(fresh.status).toBe(201);
    // 14 expired, 10 swept, plus the fresh one. (On a shared PostgreSQL, other workers' creates
    // may sweep some of these too.)
    if (usingPostgres) expect(await keysOf(user)).toBeLessThanOrEqual(5);
    else expect(await keysOf(user)).toBe(5);
    const replay = await call("POST", tasksPath(user), { token: user.token, body: { title: "fresh" }, headers: { "idempotency-key": "fresh-key" } });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    await getDb().execute(sql`delete from idempotency_keys where user_id = ${user.id}`);
  });
});
