import { describe, expect, it } from "vitest";
import { withErrorEnvelope } from "@/lib/api/auth-errors";

describe("withErrorEnvelope – Better Auth errors in the API's envelope", () => {
  it("keeps Better Auth's code and message and adds detail, error_code and timestamp", async () => {
    const original = Response.json({ code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" }, { status: 401 });
    const response = await withErrorEnvelope(original);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await response.json()).toEqual({
      code: "INVALID_EMAIL_OR_PASSWORD",
      message: "Invalid email or password",
      detail: "Invalid email or password",
      error_code: "AUTH_INVALID",
      timestamp: expect.any(String),
    });
  });

  it.each([
    [400, "VALIDATION_ERROR"],
    [422, "VALIDATION_ERROR"],
    [403, "AUTH_FORBIDDEN"],
    [404, "NOT_FOUND"],
    [405, "METHOD_NOT_ALLOWED"],
    [500, "INTERNAL_ERROR"],
  ])("maps status %i to %s", async (status, code) => {
    const response = await withErrorEnvelope(new Response("not json", { status, statusText: "Nope" }));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ detail: "Nope", error_code: code, timestamp: expect.any(String) });
  });

  it("leaves successes untouched", async () => {
    const ok = Response.json({ token: "t" });
    expect(await withErrorEnvelope(ok)).toBe(ok);
  });

  it("a rate-limit answer gets the envelope (RATE_LIMITED) and a Retry-After from Better Auth's X-Retry-After", async () => {
    const limited = new Response(JSON.stringify({ message: "Too many requests. Please try again later." }), {
      status: 429,
      headers: { "X-Retry-After": "7" },
    });
    const response = await withErrorEnvelope(limited);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("x-retry-after")).toBe("7");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      message: "Too many requests. Please try again later.",
      detail: "Too many requests. Please try again later.",
      error_code: "RATE_LIMITED",
      timestamp: expect.any(String),
    });
    const atOnce = await withErrorEnvelope(new Response(null, { status: 429, headers: { "X-Retry-After": "0" } }));
    expect(atOnce.headers.get("retry-after")).toBe("1");
    const unsaid = await withErrorEnvelope(new Response(null, { status: 429 }));
    expect(unsaid.headers.get("retry-after")).toBeNull();
  });

  it("copes with an empty or non-object error body", async () => {
    const empty = await withErrorEnvelope(new Response(null, { status: 400 }));
    expect((await empty.json()).detail).toBe("Request failed.");
    const array = await withErrorEnvelope(new Response("[1]", { status: 404, statusText: "Not Found" }));
    expect(await array.json()).toMatchObject({ detail: "Not Found", error_code: "NOT_FOUND" });
  });
});
