import { describe, expect, it } from "vitest";
import { call, createTask, signUp, tasksPath } from "../support/api";

describe("ETag and If-None-Match", () => {
  it("every task response carries a strong ETag that changes on each write", async () => {
    const user = await signUp();
    const created = await call("POST", tasksPath(user), { token: user.token, body: { title: "tagged" } });
    const etag = created.headers.get("etag");
    expect(etag).toMatch(/^"\d+\.\d+"$/);
    const read = await call("GET", tasksPath(user, created.body.id), { token: user.token });
    expect(read.headers.get("etag")).toBe(etag);
    const patched = await call("PATCH", tasksPath(user, created.body.id), { token: user.token, body: { complete: true } });
    expect(patched.headers.get("etag")).not.toBe(etag);
    const put = await call("PUT", tasksPath(user, created.body.id), { token: user.token, body: { title: "x", complete: true } });
    expect(put.headers.get("etag")).not.toBe(patched.headers.get("etag"));
  });

  it("GET a task with If-None-Match → 304 with no body while unchanged, 200 after a change", async () => {
    const user = await signUp();
    const task = await createTask(user);
    const first = await call("GET", tasksPath(user, task.id), { token: user.token });
    const etag = first.headers.get("etag")!;
    const notModified = await call("GET", tasksPath(user, task.id), { token: user.token, headers: { "if-none-match": etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe("");
    expect(notModified.headers.get("etag")).toBe(etag);
    expect((await call("GET", tasksPath(user, task.id), { token: user.token, headers: { "if-none-match": `W/${etag}` } })).status).toBe(304);
    await call("PATCH", tasksPath(user, task.id), { token: user.token, body: { title: "changed" } });
    const changed = await call("GET", tasksPath(user, task.id), { token: user.token, headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.body.title).toBe("changed");
  });

  it("GET the list with If-None-Match → 304 while unchanged, 200 after any change", async () => {
    const user = await signUp();
    await createTask(user);
    const first = await call("GET", tasksPath(user), { token: user.token });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await call("GET", tasksPath(user), { token: user.token, headers: { "if-none-match": etag } })).status).toBe(304);
    await createTask(user, { title: "another" });
    const after = await call("GET", tasksPath(user), { token: user.token, headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(after.body.count).toBe(2);
  });

  it("a 304 never leaks another user's task: authorization comes first", async () => {
    const alice = await signUp();
    const bob = await signUp();
    const task = await createTask(alice);
    const response = await call("GET", tasksPath(bob, task.id), { token: bob.token, headers: { "if-none-match": "*" } });
    expect(response.status).toBe(403);
  });
});

describe("If-Match on PUT, PATCH and DELETE", () => {
  it("PATCH with the current ETag → 200; with a stale one → 412 PRECONDITION_FAILED, nothing changed, the current task in the body", async () => {
    const user = await signUp();
    const created = await call("POST", tasksPath(user), { token: user.token, body: { title: "v1" } });
    const v1 = created.headers.get("etag")!;
    const ok = await call("PATCH", tasksPath(user, created.body.id), { token: user.token, body: { title: "v2" }, headers: { "if-match": v1 } });
    expect(ok.status).toBe(200);
    const stale = await call("PATCH", tasksPath(user, created.body.id), { token: user.token, body: { title: "lost update" }, headers: { "if-match": v1 } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ error_code: "PRECONDITION_FAILED", detail: expect.any(String), task: { id: created.body.id, title: "v2" } });
    expect(stale.headers.get("etag")).toBe(ok.headers.get("etag"));
    const now = await call("GET", tasksPath(user, created.body.id), { token: user.token });
    expect(now.body.title).toBe("v2");
  });

  it("PUT and DELETE honour If-Match too; If-Match: * means 'exists'", async () => {
    const user = await signUp();
    const task = await createTask(user);
    const etag = (await call("GET", tasksPath(user, task.id), { token: user.token })).headers.get("etag")!;
    const wrong = `"${task.id}.999"`;
    expect((await call("PUT", tasksPath(user, task.id), { token: user.token, body: { title: "x", complete: false }, headers: { "if-match": wrong } })).status).toBe(412);
    expect((await call("DELETE", tasksPath(user, task.id), { token: user.token, headers: { "if-match": wrong } })).status).toBe(412);
    expect((await call("DELETE", tasksPath(user, task.id), { token: user.token, headers: { "if-match": `W/${etag}` } })).status).toBe(412);
    expect((await call("PUT", tasksPath(user, task.id), { token: user.token, body: { title: "y", complete: true }, headers: { "if-match": `"other", ${etag}` } })).status).toBe(200);
    expect((await call("PATCH", tasksPath(user, task.id), { token: user.token, body: { complete: false }, headers: { "if-match": "*" } })).status).toBe(200);
    expect((await call("DELETE", tasksPath(user, task.id), { token: user.token, headers: { "if-match": "*" } })).status).toBe(204);
    expect((await call("PATCH", tasksPath(user, task.id), { token: user.token, body: { complete: true }, headers: { "if-match": "*" } })).status).toBe(404);
    expect((await call("PATCH", tasksPath(user, task.id), { token: user.token, body: { complete: true }, headers: { "if-match": etag } })).status).toBe(404);
  });

  it("50 concurrent PATCHes with the same If-Match → exactly one 200, the rest 412", async () => {
    const user = await signUp();
    const created = await call("POST", tasksPath(user), { token: user.token, body: { title: "contended" } });
    const etag = created.headers.get("etag")!;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        call("PATCH", tasksPath(user, created.body.id), { token: user.token, body: { title: `writer ${index}` }, headers: { "if-match": etag } }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(49);
    const winner = responses.find((response) => response.status === 200)!;
    const final = await call("GET", tasksPath(user, created.body.id), { token: user.token });
    expect(final.body.title).toBe(winner.body.title);
  });
});
