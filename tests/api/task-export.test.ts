import { describe, expect, it } from "vitest";
import { EXPORT_PAGE, exportChunks } from "@/lib/tasks/export";
import { TASK_EXPORT_COLUMNS, TaskExport } from "@/lib/tasks/schema";
import { call, createTask, signUp, tasksPath } from "../support/api";
import { readCsv } from "../support/csv";
import { seedTasks } from "../support/seed";

/**
 * GET /api/{user_id}/tasks/export: every task of the user as a JSON or CSV download, streamed a
 * page at a time, with the task API's authentication, isolation and limits.
 */

const exportPath = (user: { id: string }, query = "") => `${tasksPath(user)}/export${query}`;

/** The export's CSV as rows; the file must end with CRLF like every row. */
function parseCsv(text: string): string[][] {
  const { rows, terminated } = readCsv(text);
  expect(terminated, "the file ends with CRLF").toBe(true);
  return rows;
}

describe("GET /api/{user_id}/tasks/export", () => {
  it("JSON (the default): every task, oldest first, in the API's task shape, as a download", async () => {
    const user = await signUp();
    const first = await createTask(user, { title: "First", description: "with a description" });
    await call("PATCH", tasksPath(user, first.id), { token: user.token, body: { complete: true } });
    const second = await createTask(user, { title: "Second" });
    const response = await call("GET", exportPath(user), { token: user.token });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="todo-next-tasks-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("ratelimit-policy")).toBeTruthy();
    const body = TaskExport.parse(response.body);
    const listed = (await call("GET", `${tasksPath(user)}?sort=id&order=asc`, { token: user.token })).body.tasks;
    expect(body.tasks).toEqual(listed);
    expect(body.tasks.map((task) => task.id)).toEqual([first.id, second.id]);
    expect(body.tasks[0]).toMatchObject({ complete: true, description: "with a description" });
    expect(Date.now() - Date.parse(body.exported_at)).toBeLessThan(60_000);
  });

  it("CSV: a header row of the task fields, then one RFC 4180 row per task (commas, quotes, line breaks, no description)", async () => {
    const user = await signUp();
    const tricky = await createTask(user, { title: 'Say "hi", then leave', description: "line one\r\nline two" });
    const plain = await createTask(user, { title: "Plain" });
    const response = await call("GET", exportPath(user, "?format=csv"), { token: user.token });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/filename="todo-next-tasks-\d{4}-\d{2}-\d{2}\.csv"$/);
    // The file starts with a byte-order mark (response.text(), like any UTF-8 reader, drops it).
    expect((await exportChunks(user.id, "csv").next()).value!.startsWith("\ufeffid,")).toBe(true);
    const [header, ...rows] = parseCsv(response.text);
    expect(header).toEqual(TASK_EXPORT_COLUMNS);
    expect(rows).toEqual([
      [String(tricky.id), user.id, 'Say "hi", then leave', "line one\r\nline two", "false", tricky.created_at, tricky.updated_at],
      [String(plain.id), user.id, "Plain", "", "false", plain.created_at, plain.updated_at],
    ]);
  });

  it("no tasks: an empty list, or the header row alone", async () => {
    const user = await signUp();
    expect((await call("GET", exportPath(user), { token: user.token })).body).toMatchObject({ tasks: [] });
    const csv = await call("GET", exportPath(user, "?format=csv"), { token: user.token });
    expect(csv.text).toBe(`${TASK_EXPORT_COLUMNS.join(",")}\r\n`);
  });

  it(`streams page by page (${EXPORT_PAGE} tasks each): all of a large export arrives, in order, in several chunks`, async () => {
    const user = await signUp();
    const total = EXPORT_PAGE * 2 + 7;
    await seedTasks(user.id, total);
    const response = await call("GET", exportPath(user), { token: user.token });
    const ids = (response.body as { tasks: { id: number; title: string }[] }).tasks.map((task) => task.id);
    expect(ids).toHaveLength(total);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const csv = await call("GET", exportPath(user, "?format=csv"), { token: user.token });
    expect(parseCsv(csv.text)).toHaveLength(total + 1);
    const chunks: string[] = [];
    for await (const chunk of exportChunks(user.id, "json")) chunks.push(chunk);
    expect(chunks).toHaveLength(4); // three pages, then the closing bracket
    expect(JSON.parse(chunks.join("")).tasks).toHaveLength(total);
  });

  it("isolation and authentication as for every task endpoint: 403 for another user's export, 401 without a token", async () => {
    const owner = await signUp();
    const other = await signUp();
    await createTask(owner, { title: "secret" });
    const forbidden = await call("GET", exportPath(owner), { token: other.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ error_code: "AUTH_FORBIDDEN" });
    expect(forbidden.text).not.toContain("secret");
    const own = await call("GET", exportPath(other), { token: other.token });
    expect(own.body.tasks).toEqual([]);
    const anonymous = await call("GET", exportPath(owner));
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error_code: "AUTH_MISSING" });
  });

  it("422 naming the parameter for an unknown format, an unknown or a repeated parameter", async () => {
    const user = await signUp();
    for (const query of ["?format=xml", "?format=", "?limit=5", "?format=csv&format=json"]) {
      const response = await call("GET", exportPath(user, query), { token: user.token });
      expect(response.status, query).toBe(422);
      expect(response.body.errors[0].loc[0]).toBe("query");
    }
    expect((await call("GET", exportPath(user, "?format=xml"), { token: user.token })).body.errors).toEqual([
      { loc: ["query", "format"], msg: "format must be json or csv", type: "enum" },
    ]);
  });

  it("405 for other methods (the browser tests meet the route through Next's router, where the static segment wins)", async () => {
    const user = await signUp();
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const response = await call(method, exportPath(user), { token: user.token, body: {} });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe("GET");
    }
  });

  it("counts against the per-user budget like any task request (429 once it is spent)", async () => {
    const user = await signUp();
    const { getDb } = await import("@/db/index");
    const { sql } = await import("drizzle-orm");
    await call("GET", tasksPath(user), { token: user.token });
    await getDb().execute(sql`update api_rate_limits set count = 1000000, window_start = now() + interval '5 seconds' where key = ${`user:${user.id}`}`);
    const limited = await call("GET", exportPath(user), { token: user.token });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error_code: "RATE_LIMITED" });
  });
});
