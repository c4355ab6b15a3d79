import { describe, expect, it } from "vitest";
import { ApiError, describeError, errorFromResponse, isRetryable } from "@/lib/client/api-error";
import { MAX_RETRIES, retryDelay, shouldRetry } from "@/lib/client/retry-policy";

describe("errorFromResponse", () => {
  it("reads the envelope: status, error_code, detail and per-field messages by field name", async () => {
    const response = Response.json(
      {
        detail: "Validation failed: 2 problems.",
        error_code: "VALIDATION_ERROR",
        timestamp: "2026-01-01T00:00:00.000Z",
        errors: [
          { loc: ["body", "title"], msg: "title must not be blank" },
          { loc: ["body", "title"], msg: "a second title message" },
          { loc: ["body", "description"], msg: "description must be at most 1000 characters" },
          { loc: ["path", "task_id"], msg: "not a body field" },
          { loc: ["body"], msg: "no field" },
          { msg: "no loc" },
          null,
        ],
      },
      { status: 422 },
    );
    const error = await errorFromResponse(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: "VALIDATION_ERROR", detail: "Validation failed: 2 problems.", message: "Validation failed: 2 problems." });
    expect(error.fieldErrors).toEqual({ title: "title must not be blank", description: "description must be at most 1000 characters" });
  });

  it("falls back to Better Auth's {code, message}, then to the status", async () => {
    expect(await errorFromResponse(Response.json({ code: "X", message: "Nope" }, { status: 400 }))).toMatchObject({ code: "X", detail: "Nope" });
    const html = await errorFromResponse(new Response("<h1>Bad gateway</h1>", { status: 502, statusText: "Bad Gateway" }));
    expect(html).toMatchObject({ status: 502, code: undefined, detail: "The server answered 502 Bad Gateway." });
    expect(html.fieldErrors).toEqual({});
    expect((await errorFromResponse(new Response("null", { status: 500 }))).detail).toBe("The server answered 500.");
  });
});

describe("retry policy", () => {
  const network = ApiError.network();
  const serverError = new ApiError(503, "DATABASE_ERROR", "down");

  it("retries network failures and 5xx, never 4xx or other errors", () => {
    expect(isRetryable(network)).toBe(true);
    expect(isRetryable(serverError)).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422, 429]) expect(isRetryable(new ApiError(status, undefined, "x"))).toBe(false);
    expect(isRetryable(new TypeError("x"))).toBe(false);
  });

  it("three retries at most, 1 s, 2 s and 4 s apart (TanStack counts failures from 0)", () => {
    expect(MAX_RETRIES).toBe(3);
    expect([0, 1, 2, 3].map((count) => shouldRetry(count, serverError))).toEqual([true, true, true, false]);
    expect(shouldRetry(0, new ApiError(422, undefined, "x"))).toBe(false);
    expect([0, 1, 2].map(retryDelay)).toEqual([1000, 2000, 4000]);
  });
});

describe("describeError", () => {
  it("says Access denied for a 403 and gives the server's detail otherwise", () => {
    expect(describeError(new ApiError(403, "AUTH_FORBIDDEN", "You may only access your own tasks."))).toBe("Access denied.");
    expect(describeError(new ApiError(401, "AUTH_INVALID", "x"))).toBe("Your session has ended. Please sign in again.");
    expect(describeError(new ApiError(422, "VALIDATION_ERROR", "Validation failed: title must not be blank"))).toBe(
      "Validation failed: title must not be blank",
    );
    expect(describeError(new Error("internal"))).toBe("Something went wrong. Please try again.");
  });
});
