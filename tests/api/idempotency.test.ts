import { describe, expect, it } from "vitest";
import { call, signUp, tasksPath } from "../support/api";

const post = (user: { id: string; token: string }, body: unknown, key?: string) =>
  call("POST", tasksPath(user), { token: user.token, body, headers: key === undefined ? {} : { "idempotency-key": key } });

describe("POST /api/{user_id}/tasks with Idempotency-Key", () => {
  it("a repeat with the same body replays the first response (Idempotent-Replayed: true) and creates nothing", async () => {
    const user = await signUp();
    const first = await post(user, { title: "once" }, "key-1");
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await post(user, { title: "once" }, "key-1");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect((await call("GET", tasksPath(user), { token: user.token })).body.count).toBe(1);
  });

  it("the same key with a different body → 422 IDEMPOTENCY_KEY_REUSED", async () => {
    const user = await signUp();
    await post(user, { title: "first" }, "key-2");
    const reused = await post(user, { title: "second" }, "key-2");
    expect(reused.status).toBe(422);
    expect(reused.body.error_code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((await call("GET", tasksPath(user), { token: user.token })).body.count).toBe(1);
  });

  it("keys are scoped to the user", async () => {
    const alice = await signUp();
    const bob = await signUp();
    expect((await post(alice, { title: "a" }, "shared-key")).status).toBe(201);
    const bobs = await post(bob, { title: "b" }, "shared-key");
    expect(bobs.status).toBe(201);
    expect(bobs.headers.get("idempotent-replayed")).toBeNull();
    expect(bobs.body.user_id).toBe(bob.id);
  });

  it("20 concurrent POSTs with one key → exactly one task; the others replay it or are told it is in progress", async () => {
    const user = await signUp();
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(user, { title: "double click" }, "key-burst")));
    for (const response of responses) expect([201, 409]).toContain(response.status);
    const created = responses.filter((response) => response.status === 201);
    expect(new Set(created.map((response) => response.body.id)).size).toBe(1);
    for (const response of responses.filter((r) => r.status === 409)) {
      expect(response.body.error_code).toBe("IDEMPOTENCY_KEY_IN_USE");
      expect(response.headers.get("retry-after")).toBe("1");
    }
    expect((await call("GET", tasksPath(user), { token: user.token })).body.count).toBe(1);
    const later = await post(user, { title: "double click" }, "key-burst");
    expect(later.headers.get("idempotent-replayed")).toBe("true");
  });

  it("a key that is too long or not visible ASCII → 422 naming the header; an invalid body is not stored", async () => {
    const user = await signUp();
    for (const key of ["k".repeat(256), "caf\u00e9", "two words", ""]) {
      const response = await post(user, { title: "x" }, key);
      expect(response.status, JSON.stringify(key)).toBe(422);
      expect(response.body.errors).toEqual([{ loc: ["header", "Idempotency-Key"], msg: expect.any(String), type: "string_pattern_mismatch" }]);
    }
    expect((await call("GET", tasksPath(user), { token: user.token })).body.count).toBe(0);
    expect((await post(user, { title: "" }, "key-bad-body")).status).toBe(422);
    expect((await post(user, { title: "fixed" }, "key-bad-body")).status).toBe(201);
  });
});
