import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...all]/route";
import { getDb } from "@/db/index";
import { user as users } from "@/db/schema";
import { AUTH_BODY_MAX_BYTES } from "@/lib/api/auth-request";
import { ORIGIN, call, signUp } from "../support/api";
import { assertMatchesContract } from "../support/contract";

/**
 * The account endpoints hold every body to 16 KiB, read as a stream (a huge body is never taken
 * in whole), and every account field to the account rules, before Better Auth parses anything.
 */

const PASSWORD = "correct-horse-battery";
const newEmail = () => `limits-${randomUUID()}@example.com`;

/** A body of `total` bytes, produced chunk by chunk as the server pulls it; counts what it pulled. */
function countedStream(total: number, chunkBytes = 1024) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const size = Math.min(chunkBytes, total - pulled);
      pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  }, { highWaterMark: 0 }); // nothing is produced before the server asks for it
  return { stream, pulled: () => pulled };
}

/** POSTs to the auth route as Next would; responses of documented endpoints are checked against the document. */
async function post(path: string, body: BodyInit, headers: Record<string, string> = {}, documented = true) {
  const request = new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  const response = await POST(request, { params: Promise.resolve({ all: path.split("/").slice(3) }) });
  const text = await response.text();
  if (documented) assertMatchesContract("POST", path, { status: response.status, headers: response.headers, text });
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

describe("POST /api/auth/* – request body size", () => {
  it("POST /api/auth/sign-in/email – 413 VALIDATION_ERROR for a streamed 20 MB body, which is not read past 16 KiB", async () => {
    const body = countedStream(20 * 1024 * 1024);
    const response = await post("/api/auth/sign-in/email", body.stream);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error_code: "VALIDATION_ERROR", detail: `Request body must be at most ${AUTH_BODY_MAX_BYTES} bytes.` });
    expect(response.body.errors).toEqual([{ loc: ["body"], msg: `Request body must be at most ${AUTH_BODY_MAX_BYTES} bytes.`, type: "bytes_too_long" }]);
    // The reader stops at the first chunk past the limit.
    expect(body.pulled()).toBeLessThanOrEqual(AUTH_BODY_MAX_BYTES + 1024);
  });

  it("POST /api/auth/sign-up/email – 413 at once for a Content-Length over 16 KiB: not a byte is read", async () => {
    const body = countedStream(20 * 1024 * 1024);
    const response = await post("/api/auth/sign-up/email", body.stream, { "content-length": String(20 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error_code: "VALIDATION_ERROR" });
    expect(body.pulled()).toBe(0);
  });

  it("POST /api/auth/sign-up/email – 413 for a 100,000-character name (no account is created)", async () => {
    const email = newEmail();
    const response = await call("POST", "/api/auth/sign-up/email", { body: { name: "x".repeat(100_000), email, password: PASSWORD } });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error_code: "VALIDATION_ERROR" });
    expect(await getDb().select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("POST /api/auth/sign-up/email – a body of exactly 16 KiB still reaches Better Auth", async () => {
    const base = JSON.stringify({ name: "Padded", email: newEmail(), password: PASSWORD, pad: "" });
    const padded = base.replace('"pad":""', `"pad":"${"p".repeat(AUTH_BODY_MAX_BYTES - base.length)}"`);
    expect(Buffer.byteLength(padded)).toBe(AUTH_BODY_MAX_BYTES);
    expect((await post("/api/auth/sign-up/email", padded)).status).toBe(200);
  });
});

describe("POST /api/auth/sign-up/email – account field rules", () => {
  const signUpWith = (fields: Record<string, unknown>) =>
    call("POST", "/api/auth/sign-up/email", { body: { name: "Ada", email: newEmail(), password: PASSWORD, ...fields } });

  it.each([
    ["a 101-character name", { name: "n".repeat(101) }, "name", "Name must be at most 100 characters"],
    ["an empty name", { name: "" }, "name", "Enter your name"],
    ["a name of spaces", { name: "   " }, "name", "Enter your name"],
    ["a name with a line break", { name: "Ada\nLovelace" }, "name", "Name must not contain control characters (line breaks, tabs and the like)"],
    ["a name with NUL", { name: "Ada\u0000" }, "name", "Name must not contain control characters (line breaks, tabs and the like)"],
    ["a name with an escape sequence", { name: "\u001b[31mAda" }, "name", "Name must not contain control characters (line breaks, tabs and the like)"],
    ["a 255-character email", { email: `${"e".repeat(243)}@example.com` }, "email", "Email must be at most 254 characters"],
    ["a 129-character password", { password: "p".repeat(129) }, "password", "Password must be at most 128 characters"],
    ["a 2049-character image", { image: `https://example.com/${"i".repeat(2029)}` }, "image", "Image must be at most 2048 characters"],
  ])("422 VALIDATION_ERROR naming the field for %s", async (_case, fields, field, message) => {
    const response = await signUpWith(fields);
    expect(response.status, response.text).toBe(422);
    expect(response.body).toMatchObject({
      error_code: "VALIDATION_ERROR",
      detail: `Validation failed: ${message}`,
      errors: [{ loc: ["body", field], msg: message }],
    });
  });

  it("a 422 names every field that breaks the rules", async () => {
    const response = await signUpWith({ name: "n".repeat(101), password: "p".repeat(129) });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((entry: { loc: string[] }) => entry.loc)).toEqual([
      ["body", "name"],
      ["body", "password"],
    ]);
  });

  it("200 at the limits: a 100-character name of letters, accents and emoji, a 254-character email, a 128-character password", async () => {
    const name = `Zoë ${"ñ".repeat(94)}👍`;
    expect(name).toHaveLength(100);
    const email = `${"e".repeat(231)}-${randomUUID().slice(0, 8)}@example.com`.toLowerCase();
    expect(email).toHaveLength(252);
    const response = await call("POST", "/api/auth/sign-up/email", { body: { name, email, password: "p".repeat(128) } });
    expect(response.status, response.text).toBe(200);
    expect(response.body.user).toMatchObject({ name, email });
  });

  it("the same rules hold for a form-encoded body (Better Auth reads those too)", async () => {
    const response = await call("POST", "/api/auth/sign-up/email", {
      body: new URLSearchParams({ name: "n".repeat(101), email: newEmail(), password: PASSWORD }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toMatchObject([{ loc: ["body", "name"], msg: "Name must be at most 100 characters" }]);
  });

  it("400 VALIDATION_ERROR for a body that is not JSON, as before (a byte-order mark is allowed, as Better Auth allows it)", async () => {
    const response = await call("POST", "/api/auth/sign-up/email", { body: "{not json" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error_code: "VALIDATION_ERROR", detail: "Request body is not valid JSON." });
    const withBom = await call("POST", "/api/auth/sign-up/email", {
      body: `\ufeff${JSON.stringify({ name: "n".repeat(101), email: newEmail(), password: PASSWORD })}`,
    });
    expect(withBom.status).toBe(422);
  });
});

describe("POST /api/auth/sign-in/email and other account endpoints – account field rules", () => {
  it("POST /api/auth/sign-in/email – 422 for a 129-character password or a 255-character email, before any password check", async () => {
    const user = await signUp();
    const longPassword = await call("POST", "/api/auth/sign-in/email", { body: { email: user.email, password: "p".repeat(129) } });
    expect(longPassword.status).toBe(422);
    expect(longPassword.body.errors).toMatchObject([{ loc: ["body", "password"], msg: "Password must be at most 128 characters" }]);
    const longEmail = await call("POST", "/api/auth/sign-in/email", { body: { email: `${"e".repeat(243)}@example.com`, password: PASSWORD } });
    expect(longEmail.status).toBe(422);
    expect(longEmail.body.errors).toMatchObject([{ loc: ["body", "email"], msg: "Email must be at most 254 characters" }]);
  });

  it("POST /api/auth/update-user – 422 for a 101-character name: the rules hold after sign-up too", async () => {
    const user = await signUp();
    const headers = { cookie: user.cookie, origin: ORIGIN };
    // Better Auth serves this endpoint; the API's document does not describe it.
    const tooLong = await post("/api/auth/update-user", JSON.stringify({ name: "n".repeat(101) }), headers, false);
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors).toMatchObject([{ loc: ["body", "name"], msg: "Name must be at most 100 characters" }]);
    expect((await post("/api/auth/update-user", JSON.stringify({ name: "Ada L." }), headers, false)).status).toBe(200);
  });
});
