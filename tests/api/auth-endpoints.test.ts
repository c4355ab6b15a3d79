import { describe, expect, it } from "vitest";
import { call, signUp } from "../support/api";

/**
 * The Better Auth endpoints as the OpenAPI document describes them (each response is also checked
 * against the document by call()): the statuses clients meet when getting a token. (The 403 for an
 * untrusted Origin only exists in production, where tests/e2e/api-docs.spec.ts meets it.)
 */

describe("POST /api/auth/sign-up/email", () => {
  it("400 VALIDATION_ERROR for an invalid email or a short password; 422 for a registered email", async () => {
    const user = await signUp();
    const invalidEmail = await call("POST", "/api/auth/sign-up/email", { body: { name: "A", email: "not-an-email", password: "correct-horse" } });
    expect(invalidEmail.status).toBe(400);
    expect(invalidEmail.body).toMatchObject({ error_code: "VALIDATION_ERROR" });
    const shortPassword = await call("POST", "/api/auth/sign-up/email", { body: { name: "A", email: "short@example.com", password: "short" } });
    expect(shortPassword.status).toBe(400);
    expect(shortPassword.body).toMatchObject({ error_code: "VALIDATION_ERROR", code: "PASSWORD_TOO_SHORT" });
    const taken = await call("POST", "/api/auth/sign-up/email", { body: { name: "A", email: user.email, password: "correct-horse" } });
    expect(taken.status).toBe(422);
    expect(taken.body).toMatchObject({ error_code: "VALIDATION_ERROR", code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" });
  });
});

describe("POST /api/auth/sign-in/email", () => {
  it("200 with the user and a session cookie; 401 AUTH_INVALID for a wrong password", async () => {
    const user = await signUp();
    const signedIn = await call("POST", "/api/auth/sign-in/email", { body: { email: user.email, password: user.password } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ redirect: false, user: { id: user.id, email: user.email } });
    expect(signedIn.headers.get("set-cookie")).toMatch(/^better-auth\.session_token=/);
    const wrong = await call("POST", "/api/auth/sign-in/email", { body: { email: user.email, password: "wrong-password" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error_code: "AUTH_INVALID", code: "INVALID_EMAIL_OR_PASSWORD" });
  });
});

describe("GET /api/auth/get-session and POST /api/auth/sign-out", () => {
  it("the session with a fresh token in set-auth-jwt; null after sign-out", async () => {
    const user = await signUp();
    const session = await call("GET", "/api/auth/get-session", { headers: { cookie: user.cookie } });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ user: { id: user.id }, session: { userId: user.id } });
    expect(session.headers.get("set-auth-jwt")).toMatch(/^eyJ/);
    const signedOut = await call("POST", "/api/auth/sign-out", { body: {}, headers: { cookie: user.cookie } });
    expect(signedOut.status).toBe(200);
    expect(signedOut.body).toEqual({ success: true });
    const after = await call("GET", "/api/auth/get-session", { headers: { cookie: user.cookie } });
    expect(after.body).toBeNull();
  });
});
