import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { call, createTask, signUp, tasksPath } from "../support/api";

const rows = async <T>(query: ReturnType<typeof sql>) => ((await getDb().execute(query)) as unknown as { rows: T[] }).rows;

const INT4_MAX = 2_147_483_647;

describe("task ids are bigint, still JSON integers", () => {
  it("the column and its identity sequence are bigint, the sequence capped at 2^53 − 1", async () => {
    expect(await rows(sql`select data_type from information_schema.columns where table_name = 'tasks' and column_name = 'id'`)).toEqual([{ data_type: "bigint" }]);
    const [sequence] = await rows<{ data_type: string; max_value: string | number }>(
      sql`select data_type::text as data_type, max_value from pg_sequences where sequencename = 'tasks_id_seq'`,
    );
    expect([sequence!.data_type, String(sequence!.max_value)]).toEqual(["bigint", String(Number.MAX_SAFE_INTEGER)]);
  });

  it("past 2^31 − 1 (where int4 stopped with a 500 on every create): create, read, page, change and delete work", async () => {
    // The sequence is shared by every test: only ever moved forward.
    await getDb().execute(sql`select setval('tasks_id_seq', greatest(last_value, ${INT4_MAX + 1000})) from tasks_id_seq`);
    const user = await signUp();
    const first = await createTask(user, { title: "past int4" });
    const second = await createTask(user, { title: "further" });
    expect(first.id).toBeGreaterThan(INT4_MAX);
    expect(Number.isSafeInteger(second.id)).toBe(true);

    const read = await call("GET", tasksPath(user, first.id), { token: user.token });
    expect(read.status).toBe(200);
    expect(read.text).toContain(`"id":${first.id},`);
    expect(read.headers.get("etag")).toMatch(new RegExp(`^"${first.id}\\.\\d+"$`));

    const page = await call("GET", `${tasksPath(user)}?limit=1`, { token: user.token });
    expect(page.body.tasks.map((task: { id: number }) => task.id)).toEqual([second.id]);
    const next = await call("GET", `${tasksPath(user)}?limit=1&cursor=${page.body.next_cursor}`, { token: user.token });
    expect(next.body.tasks.map((task: { id: number }) => task.id)).toEqual([first.id]);

    const patched = await call("PATCH", tasksPath(user, first.id), { token: user.token, body: { complete: true }, headers: { "if-match": read.headers.get("etag")! } });
    expect(patched.status).toBe(200);
    expect((await call("DELETE", tasksPath(user, first.id), { token: user.token })).status).toBe(204);
    expect((await call("GET", tasksPath(user, first.id), { token: user.token })).status).toBe(404);
  });
});
