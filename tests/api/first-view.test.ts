import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { FIRST_PAGE_SIZE, DEFAULT_VIEW, type TaskView } from "@/lib/client/task-view";
import { readFirstView } from "@/lib/tasks/first-view";
import { call, createTask, signUp, tasksPath, type TestUser } from "../support/api";

/** What the browser would get for the same view over the API. */
async function overTheApi(user: TestUser, query: string) {
  const response = await call("GET", `${tasksPath(user)}?${query}`, { token: user.token });
  expect(response.status).toBe(200);
  return response.body as { tasks: unknown[]; count: number; next_cursor: string | null };
}

const requestsCounted = async (userId: string) => {
  const { rows } = (await getDb().execute(sql`select count from api_rate_limits where key = ${`user:${userId}`}`)) as unknown as { rows: { count: number }[] };
  return Number(rows[0]?.count ?? 0);
};

describe("the task page's first view, read by the server for its HTML", () => {
  it("is the API's first page of the view, byte for byte, with the companion filter's count", async () => {
    const user = await signUp();
    for (let index = 0; index < FIRST_PAGE_SIZE + 5; index++) {
      const task = await createTask(user, { title: `Task ${index}` });
      if (index % 3 === 0) await call("PATCH", tasksPath(user, task.id), { token: user.token, body: { complete: true } });
    }
    const view: TaskView = { filter: "active", q: "", sort: "title" };
    const first = await readFirstView(user.id, view);
    const page = await overTheApi(user, `complete=false&sort=title&order=asc&limit=${FIRST_PAGE_SIZE}`);
    expect(first).toBeDefined();
    expect(JSON.stringify(first!.page)).toBe(JSON.stringify(page));
    // Plain JSON values, as the browser's own reads hold them: the page travels to the browser
    // as a prop, and that keeps a Date a Date.
    expect(first!.page).toStrictEqual(page);
    expect(first!.view).toEqual(view);
    expect(first!.companionCount).toBe((await overTheApi(user, "complete=true&limit=1")).count);
    expect(first!.page.count + first!.companionCount!).toBe(FIRST_PAGE_SIZE + 5);
  });

  it("leaves the count out when the first page holds the whole list (the page counts it)", async () => {
    const user = await signUp();
    await createTask(user, { title: "Only one" });
    const first = await readFirstView(user.id, DEFAULT_VIEW);
    expect(first?.page.tasks).toHaveLength(1);
    expect(first?.page.next_cursor).toBeNull();
    expect(first?.companionCount).toBeUndefined();
  });

  it("reads only the user's own tasks, searched as the API searches", async () => {
    const [owner, other] = [await signUp(), await signUp()];
    await createTask(owner, { title: "Buy milk" });
    await createTask(other, { title: "Buy milk too" });
    const first = await readFirstView(owner.id, { ...DEFAULT_VIEW, q: "milk" });
    expect(first?.page.tasks.map((task) => task.title)).toEqual(["Buy milk"]);
  });

  it("counts as one request of the user's API budget", async () => {
    const user = await signUp();
    const before = await requestsCounted(user.id);
    await readFirstView(user.id, DEFAULT_VIEW);
    expect(await requestsCounted(user.id)).toBe(before + 1);
  });

  it("leaves the reading to the browser when the API would refuse it: a spent budget, a search it rejects", async () => {
    const user = await signUp();
    await createTask(user);
    expect(await readFirstView(user.id, { ...DEFAULT_VIEW, q: "nul\u0000" })).toBeUndefined();
    await getDb().execute(sql`update api_rate_limits set count = 1000000, window_start = now() + interval '5 seconds' where key = ${`user:${user.id}`}`);
    expect(await readFirstView(user.id, DEFAULT_VIEW)).toBeUndefined();
  });
});
