import { describe, expect, it } from "vitest";
import { call, signUp, type TestUser } from "../support/api";
import { newCookie, sessionUser, signIn, withAuthSettings } from "../support/accounts";
import { messagesTo, onlyMessageTo } from "../support/mail";

/**
 * The settings page's Better Auth endpoints: name, password (current one required, other sessions
 * end), email (confirmed at the new address), sessions (list, sign out one, everywhere else).
 */

const post = (person: { cookie: string }, path: string, body: unknown = {}) => call("POST", `/api/auth/${path}`, { body, headers: { cookie: person.cookie } });
const listSessions = (cookie: string) => call<{ token: string; id: string; userAgent: string | null; updatedAt: string }[]>("GET", "/api/auth/list-sessions", { headers: { cookie } });

/** Follows an emailed verification link (to its redirect). */
async function follow(link: string) {
  const url = new URL(link);
  return call("GET", `${url.pathname}${url.search}`);
}

describe("POST /api/auth/update-user – the name", () => {
  it("changes the name; refuses a blank, too long or control-character name with 422 naming it", async () => {
    const person = await signUp("Ada");
    const changed = await post(person, "update-user", { name: "  Ada Lovelace " });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ status: true });
    expect(await sessionUser(person.cookie)).toMatchObject({ name: "Ada Lovelace" });
    for (const name of ["", "   ", "x".repeat(101), "bell\u0007", "tab\there", 42]) {
      const refused = await post(person, "update-user", { name });
      expect(refused.status, JSON.stringify(name)).toBe(422);
      expect(refused.body).toMatchObject({ error_code: "VALIDATION_ERROR", errors: [{ loc: ["body", "name"] }] });
    }
    // NUL, which PostgreSQL text cannot hold: a control character in a name, INVALID_INPUT in any other field.
    expect((await post(person, "update-user", { name: "a\u0000b" })).body).toMatchObject({ errors: [{ loc: ["body", "name"] }] });
    expect((await post(person, "update-user", { image: "a\u0000b" })).body).toMatchObject({ code: "INVALID_INPUT" });
    expect((await post(person, "update-user", { image: 42 })).body).toMatchObject({ errors: [{ loc: ["body", "image"], type: "string_type" }] });
    expect((await post(person, "update-user", { email: "other@example.com" })).status).toBe(400);
    expect(await sessionUser(person.cookie)).toMatchObject({ name: "Ada Lovelace", email: person.email });
    expect((await call("POST", "/api/auth/update-user", { body: { name: "Nobody" } })).status).toBe(401);
  });

  it("sign-up applies the same name rule", async () => {
    const refused = await call("POST", "/api/auth/sign-up/email", { body: { name: "x".repeat(101), email: "long-name@example.com", password: "correct-horse-battery" } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error_code: "VALIDATION_ERROR", errors: [{ loc: ["body", "name"], type: "string_too_long" }] });
    const nul = await call("POST", "/api/auth/sign-up/email", { body: { name: "a\u0000b", email: "nul-name@example.com", password: "correct-horse-battery" } });
    expect(nul.body).toMatchObject({ error_code: "VALIDATION_ERROR", errors: [{ loc: ["body", "name"] }] });
  });
});

describe("POST /api/auth/change-password", () => {
  it("needs the current password; ends every other session and renews this one", async () => {
    const person = await signUp();
    const otherDevice = await signIn(person.email, person.password);
    const wrong = await post(person, "change-password", { currentPassword: "not-my-password", newPassword: "a-new-password-1", revokeOtherSessions: true });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: "INVALID_PASSWORD" });
    const short = await post(person, "change-password", { currentPassword: person.password, newPassword: "short", revokeOtherSessions: true });
    expect(short.body).toMatchObject({ code: "PASSWORD_TOO_SHORT" });
    expect(await sessionUser(otherDevice)).not.toBeNull();

    const changed = await post(person, "change-password", { currentPassword: person.password, newPassword: "a-new-password-1", revokeOtherSessions: true });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ token: expect.any(String), user: { id: person.id } });
    const renewed = newCookie(changed)!;
    expect(await sessionUser(renewed)).toMatchObject({ id: person.id });
    expect(await sessionUser(otherDevice)).toBeNull();
    expect(await sessionUser(person.cookie)).toBeNull();
    expect((await call("POST", "/api/auth/sign-in/email", { body: { email: person.email, password: person.password } })).status).toBe(401);
    expect(await signIn(person.email, "a-new-password-1")).toBeTruthy();
  });
});

describe("POST /api/auth/change-email", () => {
  it("sends a link to the new address; the account switches (verified) only when it is opened", async () => {
    const person = await signUp("Ada");
    const newAddress = `new-${person.email}`;
    const asked = await post(person, "change-email", { newEmail: newAddress, callbackURL: "/verified?change=email" });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ status: true });
    expect(await sessionUser(person.cookie)).toMatchObject({ email: person.email });
    expect(await messagesTo(person.email)).toEqual([]);

    const message = await onlyMessageTo(newAddress);
    expect(message.subject).toBe("Confirm your new email address for todo-next");
    expect(message.link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/verify-email\?token=[\w.-]+&callbackURL=%2Fverified%3Fchange%3Demail$/);
    expect(`${message.text}${message.html}`).not.toContain(person.password);

    const opened = await follow(message.link);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe("/verified?change=email");
    expect(await sessionUser(person.cookie)).toMatchObject({ email: newAddress, emailVerified: true });
    expect(await signIn(newAddress, person.password)).toBeTruthy();
    expect((await call("POST", "/api/auth/sign-in/email", { body: { email: person.email, password: person.password } })).status).toBe(401);
  });

  it("an address of another account: the same answer, and no email to anyone", async () => {
    const person = await signUp();
    const other = await signUp();
    const asked = await post(person, "change-email", { newEmail: other.email });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ status: true });
    expect(await messagesTo(other.email)).toEqual([]);
    expect(await sessionUser(person.cookie)).toMatchObject({ email: person.email });
  });

  it("400 for the current address or an invalid one; 400 when the server sends no email", async () => {
    const person = await signUp();
    expect((await post(person, "change-email", { newEmail: person.email })).status).toBe(400);
    expect((await post(person, "change-email", { newEmail: "not-an-address" })).status).toBe(400);
    await withAuthSettings({ mail: false, requireEmailVerification: false }, async () => {
      const refused = await post(person, "change-email", { newEmail: `elsewhere-${person.email}` });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error_code: "VALIDATION_ERROR" });
    });
    expect(await messagesTo(`elsewhere-${person.email}`)).toEqual([]);
  });
});

describe("sessions: GET /api/auth/list-sessions, POST /api/auth/revoke-session, POST /api/auth/revoke-other-sessions", () => {
  async function withThreeSessions(): Promise<{ person: TestUser; laptop: string; phone: string }> {
    const person = await signUp();
    const laptop = await signIn(person.email, person.password);
    const phone = await signIn(person.email, person.password);
    return { person, laptop, phone };
  }

  it("lists the user's sessions with device and last activity; a session more than a day old is listed too", async () => {
    const { person } = await withThreeSessions();
    const listed = await listSessions(person.cookie);
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(3);
    for (const session of listed.body) expect(session).toMatchObject({ userId: person.id, token: expect.any(String), updatedAt: expect.any(String) });
    const { getDb } = await import("@/db/index");
    const { session } = await import("@/db/schema");
    const { eq, sql } = await import("drizzle-orm");
    await getDb().update(session).set({ createdAt: sql`now() - interval '3 days'` }).where(eq(session.userId, person.id));
    expect((await listSessions(person.cookie)).status).toBe(200);
  });

  it("signs out one session by its token; another user's token changes nothing", async () => {
    const { person, laptop, phone } = await withThreeSessions();
    const stranger = await signUp();
    const phoneToken = (await listSessions(phone)).body.find((entry) => phone.includes(entry.token))!.token;
    expect((await post(stranger, "revoke-session", { token: phoneToken })).body).toEqual({ status: true });
    expect(await sessionUser(phone)).not.toBeNull();
    const revoked = await post(person, "revoke-session", { token: phoneToken });
    expect(revoked.status).toBe(200);
    expect(await sessionUser(phone)).toBeNull();
    expect(await sessionUser(laptop)).not.toBeNull();
    expect((await listSessions(person.cookie)).body).toHaveLength(2);
    expect((await post(person, "revoke-session", {})).status).toBe(400);
  });

  it("signs out everywhere else: only the current session is left", async () => {
    const { person, laptop, phone } = await withThreeSessions();
    const done = await post(person, "revoke-other-sessions");
    expect(done.status).toBe(200);
    expect(await sessionUser(person.cookie)).not.toBeNull();
    expect(await sessionUser(laptop)).toBeNull();
    expect(await sessionUser(phone)).toBeNull();
    expect((await listSessions(person.cookie)).body).toHaveLength(1);
  });

  it("401 without a session", async () => {
    expect((await call("GET", "/api/auth/list-sessions")).status).toBe(401);
    expect((await call("POST", "/api/auth/revoke-other-sessions", { body: {} })).status).toBe(401);
  });
});
