import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/index";
import { account, apiRateLimits, idempotencyKeys, session, taskCounts, tasks, user, verification } from "@/db/schema";
import { consumeRateLimit } from "@/lib/api/rate-limit";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { mailSettled } from "@/lib/mail/mailer";
import { createTask as createTaskFor } from "@/lib/tasks/service";
import { call, createTask, signUp, tasksPath, type TestUser } from "../support/api";
import { sessionUser, signIn } from "../support/accounts";

/**
 * POST /api/auth/delete-user: the password is required; the user and everything that is theirs
 * goes in one transaction; their access tokens (checked locally, cached) are refused from the next
 * request on; the address can sign up again.
 */

const deleteAccount = (person: TestUser, body: unknown = { password: person.password }) =>
  call("POST", "/api/auth/delete-user", { body, headers: { cookie: person.cookie } });

/** Rows of every table that can hold something of the user. */
async function rowsOf(userId: string) {
  const db = getDb();
  return {
    user: await db.$count(user, eq(user.id, userId)),
    session: await db.$count(session, eq(session.userId, userId)),
    account: await db.$count(account, eq(account.userId, userId)),
    tasks: await db.$count(tasks, eq(tasks.userId, userId)),
    task_counts: await db.$count(taskCounts, eq(taskCounts.userId, userId)),
    idempotency_keys: await db.$count(idempotencyKeys, eq(idempotencyKeys.userId, userId)),
    api_rate_limits: await db.$count(apiRateLimits, eq(apiRateLimits.key, `user:${userId}`)),
    verification: await db.$count(verification, eq(verification.value, userId)),
  };
}

describe("POST /api/auth/delete-user", () => {
  it("removes the user and everything theirs; a token from before is refused at once; others are untouched; the address can sign up again", async () => {
    const person = await signUp("Leaving");
    const bystander = await signUp("Staying");
    await createTask(person, { title: "one" });
    await createTask(person, { title: "two" });
    const keyed = await call("POST", tasksPath(person), { token: person.token, body: { title: "three" }, headers: { "idempotency-key": "k-1" } });
    expect(keyed.status).toBe(201);
    const bystanderTask = await createTask(bystander);
    await call("POST", "/api/auth/request-password-reset", { body: { email: person.email, redirectTo: "/reset-password" } });
    await mailSettled(); // its email (and mail-budget marker) is written in the background
    const secondSession = await signIn(person.email, person.password);
    // The token works and is now in the verifier's cache.
    expect((await call("GET", tasksPath(person), { token: person.token })).status).toBe(200);
    expect(await rowsOf(person.id)).toMatchObject({ user: 1, session: 2, account: 1, tasks: 3, task_counts: 1, idempotency_keys: 1, api_rate_limits: 1 });
    expect((await rowsOf(person.id)).verification).toBeGreaterThan(0);

    const deleted = await deleteAccount(person);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ success: true, message: "User deleted" });
    expect(deleted.headers.getSetCookie().find((cookie) => cookie.startsWith("better-auth.session_token="))).toMatch(/Max-Age=0/);

    expect(await rowsOf(person.id)).toEqual({
      user: 0,
      session: 0,
      account: 0,
      tasks: 0,
      task_counts: 0,
      idempotency_keys: 0,
      api_rate_limits: 0,
      verification: 0,
    });
    expect(await sessionUser(person.cookie)).toBeNull();
    expect(await sessionUser(secondSession)).toBeNull();

    // The JWT is still signed and unexpired, and cached as verified: refused all the same.
    for (const [method, path] of [
      ["GET", tasksPath(person)],
      ["GET", `${tasksPath(person)}/export`],
      ["POST", tasksPath(person)],
    ] as const) {
      const refused = await call(method, path, { token: person.token, ...(method === "POST" ? { body: { title: "ghost" } } : {}) });
      expect(refused.status, `${method} ${path}`).toBe(401);
      expect(refused.body).toMatchObject({ error_code: "AUTH_INVALID", detail: "Invalid access token: the account no longer exists." });
    }
    // A refused request leaves nothing behind either.
    expect((await rowsOf(person.id)).api_rate_limits).toBe(0);

    const list = await call("GET", tasksPath(bystander), { token: bystander.token });
    expect(list.body.tasks).toEqual([bystanderTask]);

    const again = await call("POST", "/api/auth/sign-up/email", { body: { name: "Back", email: person.email, password: "another-password" } });
    expect(again.status).toBe(200);
    expect(again.body.user.id).not.toBe(person.id);
  });

  it("refuses without the password (400 PASSWORD_REQUIRED), with one that is not a string (422) or a wrong one (400 INVALID_PASSWORD), deleting nothing", async () => {
    const person = await signUp();
    await createTask(person);
    for (const [body, code] of [
      [{}, "PASSWORD_REQUIRED"],
      [{ password: "" }, "PASSWORD_REQUIRED"],
      [{ password: "not-the-password" }, "INVALID_PASSWORD"],
    ] as const) {
      const refused = await deleteAccount(person, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body).toMatchObject({ error_code: "VALIDATION_ERROR", code });
    }
    const notText = await deleteAccount(person, { password: 12345678 });
    expect(notText.status).toBe(422);
    expect(notText.body.errors).toEqual([{ loc: ["body", "password"], msg: expect.any(String), type: "string_type" }]);
    expect(await rowsOf(person.id)).toMatchObject({ user: 1, tasks: 1 });
    expect((await call("GET", tasksPath(person), { token: person.token })).status).toBe(200);
  });

  it("401 AUTH_INVALID without a session", async () => {
    const refused = await call("POST", "/api/auth/delete-user", { body: { password: "whatever-password" } });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error_code: "AUTH_INVALID" });
  });

  it("a deleted account's token is refused with the per-user limit off too (RATE_LIMIT_REQUESTS=0)", async () => {
    const person = await signUp();
    const off = { requests: 0, windowSeconds: 1 };
    expect(await consumeRateLimit(person.id, off)).toBeUndefined();
    expect((await deleteAccount(person)).status).toBe(200);
    const refused = await consumeRateLimit(person.id, off).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "AUTH_INVALID", status: 401 });
  });

  it("a create that races the deletion (its user gone between check and write) is 401 AUTH_INVALID, not a 500", async () => {
    const person = await signUp();
    expect((await deleteAccount(person)).status).toBe(200);
    const refused = await createTaskFor(person.id, { title: "too late" }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "AUTH_INVALID", status: 401 });
  });

  it("every foreign key to user cascades, so any table that holds a user's data (OAuth grants included) goes with the user", async () => {
    const result = await getDb().execute<{ table_name: string; delete_rule: string }>(sql`
      select kcu.table_name, rc.delete_rule
      from information_schema.referential_constraints rc
      join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
      where ccu.table_name = 'user' and ccu.table_schema = current_schema()`);
    const rows = (Array.isArray(result) ? result : (result as { rows: { table_name: string; delete_rule: string }[] }).rows) as { table_name: string; delete_rule: string }[];
    const tables = [...new Set(rows.map((row) => row.table_name))].sort();
    expect(tables).toEqual(expect.arrayContaining(["account", "idempotency_keys", "session", "task_counts", "tasks"]));
    expect(rows.filter((row) => row.delete_rule !== "CASCADE")).toEqual([]);
  });

  it("the deletion is one transaction: when its last step fails, nothing of the account is gone", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => logger);
    // Better Auth's router prints an unexpected error itself.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const person = await signUp();
    await createTask(person);
    await call("GET", tasksPath(person), { token: person.token });
    await call("POST", "/api/auth/request-password-reset", { body: { email: person.email, redirectTo: "/reset-password" } });
    await mailSettled();
    const before = await rowsOf(person.id);
    // The pending links are deleted last: a trigger makes that fail for this user only.
    const name = `refuse_${person.id.toLowerCase().replace(/[^a-z0-9]/g, "")}`;
    await getDb().execute(sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin if old.value = '${person.id}' then raise exception 'refused for the test'; end if; return old; end $$`));
    await getDb().execute(sql.raw(`create trigger ${name} before delete on verification for each row execute function ${name}()`));
    try {
      const failed = await deleteAccount(person);
      expect(failed.status).toBe(500);
      expect(failed.body).toMatchObject({ error_code: "INTERNAL_ERROR" });
    } finally {
      await getDb().execute(sql.raw(`drop trigger ${name} on verification`));
      await getDb().execute(sql.raw(`drop function ${name}()`));
      vi.restoreAllMocks();
    }
    expect(await rowsOf(person.id)).toEqual(before);
    expect((await call("GET", tasksPath(person), { token: person.token })).status).toBe(200);
  });
});
