import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/index";
import { toErrorResponse } from "@/lib/api/error-response";
import { withDatabaseErrors } from "@/db/errors";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { call, signUp, tasksPath } from "../support/api";

afterEach(() => {
  vi.restoreAllMocks();
});

async function failure(run: () => Promise<unknown>): Promise<AppError> {
  const error = await withDatabaseErrors(run).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Statements that make PostgreSQL raise a data exception (SQLSTATE class 22) from a bound value. */
const dataExceptions: [string, string, () => Promise<unknown>][] = [
  ["22008", "a timestamp out of range", () => getDb().execute(sql`select ${"2024-13-45 25:61:61+00"}::timestamptz`)],
  ["22007", "a malformed timestamp", () => getDb().execute(sql`select ${"yesterday-ish"}::timestamptz`)],
  ["22003", "an integer out of range", () => getDb().execute(sql`select ${"99999999999"}::int`)],
  ["22P02", "text that is no integer", () => getDb().execute(sql`select ${"abc"}::bigint`)],
  [
    "22001",
    "a string too long for its column",
    () =>
      getDb().transaction(async (tx) => {
        await tx.execute(sql`create temporary table too_long (v varchar(3)) on commit drop`);
        await tx.execute(sql`insert into too_long values (${"four"})`);
      }),
  ],
];

describe("withDatabaseErrors – the one database-error wrapper", () => {
  it.each(dataExceptions)("SQLSTATE %s (%s) → 422 VALIDATION_ERROR in the envelope, never 500", async (sqlstate, _what, run) => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const error = await failure(run);
    expect([error.code, error.status]).toEqual(["VALIDATION_ERROR", 422]);
    expect(error.cause).toMatchObject({ sqlstate });
    const { response } = toErrorResponse(error, "req-data");
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body).toEqual({
      detail: expect.any(String),
      error_code: "VALIDATION_ERROR",
      timestamp: expect.any(String),
      errors: [{ loc: ["request"], msg: expect.any(String), type: "value_error" }],
    });
    expect(JSON.stringify(body)).not.toMatch(/2024-13-45|yesterday|99999999999|abc|four/);
    // Logged as a warning, with the SQLSTATE and without the value.
    expect(warn).toHaveBeenCalledOnce();
    expect(JSON.stringify(warn.mock.calls)).toContain(sqlstate);
    expect(JSON.stringify(warn.mock.calls)).not.toMatch(/2024-13-45|yesterday|99999999999|"abc"|four/);
  });

  it("a sequence that has run out (2200H) is the server's problem: 500 DATABASE_ERROR", async () => {
    const error = await failure(() =>
      getDb().transaction(async (tx) => {
        await tx.execute(sql`create temporary sequence exhausted maxvalue 2`);
        await tx.execute(sql`select nextval('exhausted'), nextval('exhausted'), nextval('exhausted')`);
      }),
    );
    expect([error.code, error.status, error.headers["Retry-After"]]).toEqual(["DATABASE_ERROR", 500, "2"]);
    expect(error.cause).toMatchObject({ sqlstate: "2200H" });
  });

  it("other failures are 500 DATABASE_ERROR; an AppError thrown inside passes through unchanged", async () => {
    const missing = await failure(() => getDb().execute(sql`select * from no_such_table`));
    expect([missing.code, missing.status]).toEqual(["DATABASE_ERROR", 500]);
    expect(missing.cause).toMatchObject({ sqlstate: "42P01", query: "select * from no_such_table" });
    const own = new AppError("NOT_FOUND", "Task 1 not found.");
    expect(await failure(() => getDb().transaction(async () => Promise.reject(own)))).toBe(own);
  });
});

describe("logs never carry request values", () => {
  it("a create that the database refuses: the error line has the SQLSTATE and the SQL text, not the title, description or Idempotency-Key", async () => {
    const lines: string[] = [];
    vi.spyOn(logger, "error").mockImplementation(((entry: unknown, message?: string) => {
      lines.push(JSON.stringify([entry, message]));
    }) as typeof logger.error);
    const user = await signUp();
    const secrets = { title: "my secret title 7f3a", description: "my secret description 9c1e", key: "my-secret-key-42b8" };
    // A rule only the database holds: PostgreSQL itself refuses the create (a check violation).
    await getDb().execute(sql.raw(`alter table tasks add constraint refuses_secret_title check (title <> '${secrets.title}') not valid`));
    let statuses: number[];
    try {
      const withKey = await call("POST", tasksPath(user), {
        token: user.token,
        body: { title: secrets.title, description: secrets.description },
        headers: { "idempotency-key": secrets.key },
      });
      const withoutKey = await call("POST", tasksPath(user), { token: user.token, body: { title: secrets.title, description: secrets.description } });
      statuses = [withKey.status, withoutKey.status];
    } finally {
      await getDb().execute(sql.raw("alter table tasks drop constraint refuses_secret_title"));
    }
    expect(statuses).toEqual([500, 500]);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toContain('"sqlstate":"23514"');
      expect(line).toContain('"query":"');
      expect(line).toMatch(/insert into \\"tasks\\"/);
      for (const secret of Object.values(secrets)) expect(line).not.toContain(secret);
      expect(line).not.toMatch(/params|Failed query/);
    }
  });
});
