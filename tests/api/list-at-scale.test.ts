import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { TaskListQuery } from "@/lib/tasks/schema";
import { listQueries } from "@/lib/tasks/list";
import { call, signUp, tasksPath, type TestUser } from "../support/api";
import { seedTasks } from "../support/seed";

async function plan(built: { toSQL: () => { sql: string; params: unknown[] } }): Promise<string> {
  const { sql: text, params } = built.toSQL();
  const explained = sql.raw(`EXPLAIN ${text.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]))}`);
  const result = (await getDb().execute(explained)) as unknown as { rows: Record<string, string>[] };
  return result.rows.map((row) => Object.values(row)[0]).join("\n");
}

function literal(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

describe("GET /api/{user_id}/tasks at 100,000 tasks", () => {
  let user: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    user = await signUp();
    other = await signUp();
    await seedTasks(user.id, 100_000, { completeEvery: 4 });
    await seedTasks(other.id, 5_000);
    // A few tasks the search below finds, by title or by description; the other user has some too.
    for (const [owner, title, description] of [
      [user, "Call the plumber about the leak", null],
      [user, "Groceries", "ask the plumber for the invoice"],
      [user, "PLUMBER (again)", "third visit"],
      [other, "Plumber", null],
    ] as const) {
      await getDb().execute(sql`insert into tasks (user_id, title, description) values (${owner.id}, ${title}, ${description})`);
    }
    await getDb().execute(sql`analyze tasks`);
  }, 120_000);

  it("every list order and filter reads its page off an index in order: no sort, no table scan", async () => {

    const queries = [
      {},
      { order: "asc" },
      { sort: "created_at" },
      { sort: "updated_at", order: "asc" },
      { sort: "title" },
      { complete: "true" },
    ];
    for (const raw of queries) {
      const params = TaskListQuery.parse(raw);
      const { page, total } = listQueries(user.id, params);
      const pagePlan = await plan(page);
      // Rows come off an index already in list order and the LIMIT stops the walk: no sort of
      // the user's 100,000 tasks, no scan of the table.
      expect(pagePlan, JSON.stringify(raw)).toMatch(/^Limit/);
      expect(pagePlan, JSON.stringify(raw)).toMatch(/Index (Only )?Scan/);
      expect(pagePlan, JSON.stringify(raw)).not.toMatch(/Sort|Seq Scan on tasks/);
      // And the walk is bounded by the user: an index scan that filters on user_id would read
      // every other user's newer tasks first (the other user's 5,000 here are all newer).
      const lines = pagePlan.split("\n");
      const scan = lines.findIndex((line) => /Index (Only )?Scan.* on tasks\b/.test(line));
      const scanDetail = lines.slice(scan + 1, scan + 3).join("\n");
      expect(scanDetail, JSON.stringify(raw)).toMatch(/Index Cond: .*user_id/);
      expect(scanDetail, JSON.stringify(raw)).not.toMatch(/Filter: .*user_id/);
      // The total is one row of the trigger-kept counts.
      expect(await plan(total), JSON.stringify(raw)).toMatch(/Index Scan using task_counts_pkey/);
    }

    const started = performance.now();
    const response = await call("GET", tasksPath(user), { token: user.token });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(response.body.count).toBe(100_003);
    const done = await call("GET", `${tasksPath(user)}?complete=true&limit=1`, { token: user.token });
    expect(done.body.count).toBe(25_000);
    expect(response.body.tasks).toHaveLength(100);
    console.info(`default page at 100,000 tasks: ${elapsed.toFixed(1)} ms`);
  }, 120_000);

  it("q is answered from the trigram indexes on title and description, not by reading the user's 100,000 tasks", async () => {
    const params = TaskListQuery.parse({ q: "plumber" });
    const { page, total } = listQueries(user.id, params);
    for (const [name, built] of [["page", page], ["total", total]] as const) {
      const explained = await plan(built);
      expect(explained, name).toMatch(/Bitmap Index Scan on tasks_title_trgm_idx/);
      expect(explained, name).toMatch(/Bitmap Index Scan on tasks_description_trgm_idx/);
      expect(explained, name).not.toMatch(/Seq Scan on tasks/);
    }
    const started = performance.now();
    const response = await call("GET", `${tasksPath(user)}?q=plumber`, { token: user.token });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(response.body.count).toBe(3);
    expect(response.body.tasks.map((task: { title: string }) => task.title).sort()).toEqual(["Call the plumber about the leak", "Groceries", "PLUMBER (again)"]);
    console.info(`search at 100,000 tasks: ${elapsed.toFixed(1)} ms`);
  });
});

