import { DrizzleQueryError } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toErrorResponse } from "@/lib/api/error-response";
import { databaseError } from "@/db/errors";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("toErrorResponse – the one error mapper", () => {
  it("maps an AppError to its status and the envelope", async () => {
    const { response, code } = toErrorResponse(new AppError("NOT_FOUND", "Task 3 not found."), "req-1");
    expect(code).toBe("NOT_FOUND");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({
      detail: "Task 3 not found.",
      error_code: "NOT_FOUND",
      timestamp: expect.stringMatching(/Z$/),
    });
  });

  it("adds per-field errors and honours a status override", async () => {
    const error = new AppError("VALIDATION_ERROR", "Too big.", { status: 413, errors: [{ loc: ["body"], msg: "big", type: "string_too_long" }] });
    const { response } = toErrorResponse(error, "req-2");
    expect(response.status).toBe(413);
    expect((await response.json()).errors).toEqual([{ loc: ["body"], msg: "big", type: "string_too_long" }]);
  });

  it("adds WWW-Authenticate: Bearer to every 401", () => {
    for (const code of ["AUTH_MISSING", "AUTH_INVALID"] as const) {
      const { response } = toErrorResponse(new AppError(code, "no"), "req-3");
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect(toErrorResponse(new AppError("AUTH_FORBIDDEN", "no"), "r").response.headers.has("www-authenticate")).toBe(false);
  });

  it("turns anything unknown into a generic 500 INTERNAL_ERROR and logs the real cause", async () => {
    const errorLog = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const { response, code } = toErrorResponse(new TypeError("secret detail at /srv/x.ts:1"), "req-4");
    expect(code).toBe("INTERNAL_ERROR");
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text)).toMatchObject({ detail: "An unexpected error occurred.", error_code: "INTERNAL_ERROR" });
    expect(errorLog).toHaveBeenCalledWith(
      expect.objectContaining({ request_id: "req-4", err: expect.objectContaining({ message: "secret detail at /srv/x.ts:1" }) }),
      "request failed",
    );
    toErrorResponse("a thrown string", "req-5");
    expect(errorLog).toHaveBeenLastCalledWith(expect.objectContaining({ err: "a thrown string" }), "request failed");
  });

  it("database failures are 500 DATABASE_ERROR with Retry-After and no driver message", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const { response } = toErrorResponse(databaseError(new Error('relation "tasks" does not exist')), "req-6");
    expect(response.status).toBe(500);
    expect(response.headers.get("retry-after")).toBe("2");
    const body = await response.json();
    expect(body.error_code).toBe("DATABASE_ERROR");
    expect(JSON.stringify(body)).not.toContain("relation");
  });

  it("a failed query that reaches it unwrapped is logged with its SQLSTATE and SQL text, never its values or message", () => {
    const errorLog = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const server = Object.assign(new Error('duplicate key value violates unique constraint: Key (key)=(secret-key) already exists'), {
      code: "23505",
      severity: "ERROR",
      detail: "Key (key)=(secret-key) already exists.",
      constraint: "idempotency_keys_pkey",
    });
    const failed = new DrizzleQueryError('insert into "tasks" ("title") values ($1)', ["secret title"], server);
    toErrorResponse(failed, "req-7");
    const logged = JSON.stringify(errorLog.mock.calls);
    expect(logged).toContain('"sqlstate":"23505"');
    expect(logged).toContain('"constraint":"idempotency_keys_pkey"');
    expect(logged).toContain('insert into \\"tasks\\" (\\"title\\") values ($1)');
    expect(logged).not.toMatch(/secret|params|Failed query/);
  });

  it("a failed query without a SQLSTATE (a connection lost) keeps the driver's message, not the query's", () => {
    const errorLog = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const lost = new DrizzleQueryError("select 1 where $1", ["secret"], new Error("Connection terminated unexpectedly"));
    toErrorResponse(databaseError(lost), "req-8");
    const logged = JSON.stringify(errorLog.mock.calls);
    expect(logged).toContain("Connection terminated unexpectedly");
    expect(logged).not.toMatch(/secret|params|Failed query/);
    toErrorResponse(new DrizzleQueryError("select $1", ["secret"], undefined as unknown as Error), "req-9");
    expect(JSON.stringify(errorLog.mock.lastCall)).not.toMatch(/secret|params|Failed query/);
  });
});
