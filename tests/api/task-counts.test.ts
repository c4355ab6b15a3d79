import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { call, createTask, signUp, tasksPath, type TestUser } from "../support/api";

const counts = async (user: TestUser) => {
  const all = (await call("GET", `${tasksPath(user)}?limit=1`, { token: user.token })).body.count;
  const done = (await call("GET", `${tasksPath(user)}?complete=true&limit=1`, { token: user.token })).body.count;
  const open = (await call("GET", `${tasksPath(user)}?complete=false&limit=1`, { token: user.token })).body.count;
  return { all, done, open };
};

describe("list count (kept by triggers on tasks)", () => {
  it("follows creates, toggles, replaces and deletes, and agrees with count(*)", async () => {
    const user = await signUp();
    expect(await counts(user)).toEqual({ all: 0, done: 0, open: 0 });
    const [a, b, c] = [await createTask(user), await createTask(user), await createTask(user)];
    expect(await counts(user)).toEqual({ all: 3, done: 0, open: 3 });
    await call("PATCH", tasksPath(user, a.id), { token: user.token, body: { complete: true } });
    await call("PATCH", tasksPath(user, a.id), { token: user.token, body: { complete: true } }); // no change
    await call("PUT", tasksPath(user, b.id), { token: user.token, body: { title: "b", complete: true } });
    expect(await counts(user)).toEqual({ all: 3, done: 2, open: 1 });
    await call("DELETE", tasksPath(user, a.id), { token: user.token });
    await call("PATCH", tasksPath(user, b.id), { token: user.token, body: { complete: false } });
    expect(await counts(user)).toEqual({ all: 2, done: 0, open: 2 });
    await call("DELETE", tasksPath(user, c.id), { token: user.token });
    const { rows } = (await getDb().execute(sql`select count(*)::int as n from tasks where user_id = ${user.id}`)) as unknown as { rows: { n: number }[] };
    expect((await counts(user)).all).toBe(rows[0]!.n);
  });

  it("stays exact under 40 concurrent creates", async () => {
    const user = await signUp();
    await Promise.all(Array.from({ length: 40 }, (_, index) => createTask(user, { title: `c${index}` })));
    expect(await counts(user)).toEqual({ all: 40, done: 0, open: 40 });
  });

  it("a search counts the matching tasks", async () => {
    const user = await signUp();
    await createTask(user, { title: "alpha" });
    await createTask(user, { title: "beta" });
    expect((await call("GET", `${tasksPath(user)}?q=alp`, { token: user.token })).body.count).toBe(1);
  });
});
