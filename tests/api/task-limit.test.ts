import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { env } from "@/lib/env";
import { call, signUp, tasksPath, type TestUser } from "../support/api";
import { seedTasks } from "../support/seed";

const LIMIT = env.maxTasksPerUser;
const mutableEnv = env as { maxTasksPerUser: number };

const create = (user: TestUser, title: string, key?: string) =>
  call("POST", tasksPath(user), { token: user.token, body: { title }, headers: key ? { "idempotency-key": key } : {} });

async function storedCount(user: TestUser): Promise<number> {
  const { rows } = (await getDb().execute(sql`select count(*)::int as n from tasks where user_id = ${user.id}`)) as unknown as { rows: { n: number }[] };
  return rows[0]!.n;
}

afterEach(() => {
  mutableEnv.maxTasksPerUser = LIMIT;
});

describe("POST /api/{user_id}/tasks – at most MAX_TASKS_PER_USER tasks per user", () => {
  it("is 10,000 by default: the 10,001st create → 409 TASK_LIMIT_REACHED, nothing stored; after a delete it works again", async () => {
    expect(LIMIT).toBe(10_000);
    const user = await signUp();
    await seedTasks(user.id, LIMIT);
    const refused = await create(user, "one too many");
    expect(refused.status).toBe(409);
    expect(refused.headers.get("retry-after")).toBeNull();
    expect(refused.body).toEqual({
      detail: "You have 10000 tasks, the most one account may have. Delete some to add more.",
      error_code: "TASK_LIMIT_REACHED",
      timestamp: expect.any(String),
    });
    // With an Idempotency-Key too, and the refusal is not stored as the key's response.
    expect((await create(user, "one too many", "limit-key")).body.error_code).toBe("TASK_LIMIT_REACHED");
    expect(await storedCount(user)).toBe(LIMIT);
    expect((await call("GET", `${tasksPath(user)}?limit=1`, { token: user.token })).body.count).toBe(LIMIT);

    const [oldest] = (await call("GET", `${tasksPath(user)}?limit=1&order=asc`, { token: user.token })).body.tasks;
    expect((await call("DELETE", tasksPath(user, oldest.id), { token: user.token })).status).toBe(204);
    const retried = await create(user, "one too many", "limit-key");
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    expect((await create(user, "and another")).status).toBe(409);
  });

  it("holds under concurrency: 25 creates at once with 10 places left → exactly 10 created, 15 refused", async () => {
    const user = await signUp();
    await seedTasks(user.id, LIMIT - 10);
    const responses = await Promise.all(Array.from({ length: 25 }, (_, index) => create(user, `race ${index}`, index % 2 ? `race-${index}` : undefined)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(10).fill(201), ...Array(15).fill(409)]);
    for (const response of responses.filter((candidate) => candidate.status === 409)) expect(response.body.error_code).toBe("TASK_LIMIT_REACHED");
    expect(await storedCount(user)).toBe(LIMIT);
    expect((await call("GET", `${tasksPath(user)}?limit=1`, { token: user.token })).body.count).toBe(LIMIT);
  });

  it("holds for a new user's very first tasks too (no count row yet): a limit of 2, 8 concurrent creates → 2", async () => {
    mutableEnv.maxTasksPerUser = 2;
    const user = await signUp();
    const responses = await Promise.all(Array.from({ length: 8 }, (_, index) => create(user, `first ${index}`)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(2);
    expect(responses.filter((response) => response.status === 409)).toHaveLength(6);
    expect(await storedCount(user)).toBe(2);
  });
});
