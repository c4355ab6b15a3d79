import { describe, expect, it } from "vitest";
import { call, createTask, signUp, tasksPath, type TestUser } from "../support/api";
import { seedTasks } from "../support/seed";

type Task = { id: number; title: string; description: string | null; complete: boolean; created_at: string; updated_at: string };
type Page = { tasks: Task[]; count: number; next_cursor: string | null };

const list = (user: TestUser, query = "") => call<Page>("GET", `${tasksPath(user)}${query}`, { token: user.token });

async function walk(user: TestUser, query: string, onPage?: (page: number) => Promise<void>) {
  const seen: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response = await list(user, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(response.status).toBe(200);
    seen.push(...response.body.tasks.map((task) => task.id));
    const link = response.headers.get("link");
    cursor = response.body.next_cursor;
    if (cursor) expect(link).toBe(`<${tasksPath(user)}${new URL(`http://x${tasksPath(user)}${query}&cursor=${cursor}`).search.replace(/^\?/, "?")}>; rel="next"`.replace(/\?&/, "?"));
    else expect(link).toBeNull();
    pages += 1;
    await onPage?.(pages);
  } while (cursor);
  return { seen, pages };
}

describe("GET /api/{user_id}/tasks – pagination", () => {
  it("defaults to 100 per page with count = all tasks, next_cursor and a Link header", async () => {
    const user = await signUp();
    await seedTasks(user.id, 120);
    const first = await list(user);
    expect(first.body.tasks).toHaveLength(100);
    expect(first.body.count).toBe(120);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    expect(first.headers.get("link")).toMatch(/^<\/api\/[^>]+\/tasks\?cursor=[^>]+>; rel="next"$/);
    const second = await list(user, `?cursor=${first.body.next_cursor}`);
    expect(second.body.tasks).toHaveLength(20);
    expect(second.body.count).toBe(120);
    expect(second.body.next_cursor).toBeNull();
    expect(second.headers.get("link")).toBeNull();
    const ids = [...first.body.tasks, ...second.body.tasks].map((task) => task.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("1,050 tasks: every task exactly once in both orders, while tasks are inserted mid-walk", async () => {
    const user = await signUp();
    await seedTasks(user.id, 1050);
    const before = (await list(user, "?limit=500&order=asc")).body;
    expect(before.count).toBe(1050);
    for (const order of ["asc", "desc"]) {
      const original = new Set<number>();
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const page: Page = (await list(user, `?limit=500&order=${order}${cursor ? `&cursor=${cursor}` : ""}`)).body;
        page.tasks.forEach((task) => original.add(task.id));
        cursor = page.next_cursor;
      }
      const { seen } = await walk(user, `?limit=37&order=${order}`, async (page) => {
        if (page % 5 === 0) await createTask(user, { title: `inserted mid-walk ${order} ${page}` });
      });
      expect(new Set(seen).size).toBe(seen.length); // no task twice
      for (const id of original) expect(seen).toContain(id); // none missed
      const sorted = [...seen].sort((a, b) => (order === "asc" ? a - b : b - a));
      expect(seen).toEqual(sorted);
    }
  });

  it.each(["created_at", "updated_at", "title"])("sort=%s walks every task once, in order, both directions", async (sort) => {
    const user = await signUp();
    await seedTasks(user.id, 60);
    for (const order of ["asc", "desc"]) {
      const all = (await list(user, `?sort=${sort}&order=${order}&limit=500`)).body.tasks;
      const { seen } = await walk(user, `?sort=${sort}&order=${order}&limit=7`);
      expect(seen).toEqual(all.map((task) => task.id));
      const keys = all.map((task) => (sort === "title" ? task.title : Date.parse(task[sort as "created_at"])));
      const ordered = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(keys).toEqual(order === "asc" ? ordered : ordered.reverse());
    }
  });
});

describe("GET /api/{user_id}/tasks – filter and search", () => {
  it("complete=true|false filters, and count follows the filter", async () => {
    const user = await signUp();
    await seedTasks(user.id, 30, { completeEvery: 3 });
    const done = await list(user, "?complete=true");
    expect(done.body.count).toBe(10);
    expect(done.body.tasks.every((task) => task.complete)).toBe(true);
    const open = await list(user, "?complete=false&limit=5");
    expect(open.body.count).toBe(20);
    expect(open.body.tasks).toHaveLength(5);
    expect(open.body.tasks.every((task) => !task.complete)).toBe(true);
  });

  it("q matches title and description, case-insensitive", async () => {
    const user = await signUp();
    await createTask(user, { title: "Buy MILK" });
    await createTask(user, { title: "Call mum", description: "about the milkman" });
    await createTask(user, { title: "Unrelated" });
    const found = await list(user, "?q=milk");
    expect(found.body.tasks.map((task) => task.title).sort()).toEqual(["Buy MILK", "Call mum"]);
    expect(found.body.count).toBe(2);
  });

  it("q takes %, _ and \\ literally", async () => {
    const user = await signUp();
    await createTask(user, { title: "100% done" });
    await createTask(user, { title: "1000 done" });
    await createTask(user, { title: "snake_case" });
    await createTask(user, { title: "snakeXcase" });
    await createTask(user, { title: "back\\slash" });
    await createTask(user, { title: "backslash" });
    const titles = async (q: string) => (await list(user, `?q=${encodeURIComponent(q)}`)).body.tasks.map((task) => task.title);
    expect(await titles("0%")).toEqual(["100% done"]);
    expect(await titles("e_c")).toEqual(["snake_case"]);
    expect(await titles("k\\s")).toEqual(["back\\slash"]);
  });

  it("a filtered walk with a cursor stays within the filter", async () => {
    const user = await signUp();
    await seedTasks(user.id, 40, { completeEvery: 2 });
    const { seen } = await walk(user, "?complete=true&q=task&limit=6");
    expect(seen).toHaveLength(20);
  });
});

describe("GET /api/{user_id}/tasks – invalid parameters → 422 naming the parameter", () => {
  it.each([
    ["?limit=0", "limit"],
    ["?limit=501", "limit"],
    ["?limit=ten", "limit"],
    ["?limit=1.5", "limit"],
    ["?complete=yes", "complete"],
    ["?sort=priority", "sort"],
    ["?order=up", "order"],
    [`?q=${"x".repeat(201)}`, "q"],
    ["?cursor=not-a-cursor", "cursor"],
    ["?completed=true", "completed"],
    ["?limit=5&limit=6", "limit"],
  ])("%s", async (query, parameter) => {
    const user = await signUp();
    const response = await list(user, query);
    expect(response.status).toBe(422);
    expect((response.body as unknown as { error_code: string }).error_code).toBe("VALIDATION_ERROR");
    expect((response.body as unknown as { errors: { loc: string[] }[] }).errors.map((error) => error.loc)).toContainEqual(["query", parameter]);
  });

  it("a cursor from another sort or filter is refused", async () => {
    const user = await signUp();
    await seedTasks(user.id, 5);
    const cursor = (await list(user, "?limit=2")).body.next_cursor!;
    for (const query of [`?limit=2&order=asc&cursor=${cursor}`, `?limit=2&sort=title&cursor=${cursor}`, `?limit=2&complete=true&cursor=${cursor}`]) {
      expect((await list(user, query)).status).toBe(422);
    }
    const tampered = Buffer.from(JSON.stringify({ s: "created_at", o: "desc", f: "x", v: "'; drop table tasks; --", i: 1 })).toString("base64url");
    expect((await list(user, `?sort=created_at&cursor=${tampered}`)).status).toBe(422);
  });
});
