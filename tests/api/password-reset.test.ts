import { and, eq, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { verification } from "@/db/schema";
import { MAIL_BUDGET, takeMailBudget } from "@/lib/accounts/mail-budget";
import { RESET_LINK_SECONDS } from "@/lib/accounts/auth-options";
import { call, createTask, signUp, tasksPath } from "../support/api";
import { accessToken, sessionUser, signIn, withAuthSettings } from "../support/accounts";
import { messagesTo, onlyMessageTo } from "../support/mail";

/**
 * Forgot password, through the real endpoints and the file transport: the request answers the
 * same for any address, the emailed link works once and briefly, the new password ends every
 * other session and signs the person in, and nothing is lost.
 */

const NEW_PASSWORD = "a-brand-new-password";

const requestReset = (email: string) => call("POST", "/api/auth/request-password-reset", { body: { email, redirectTo: "/reset-password" } });

/** Follows the emailed link as a browser would: Better Auth redirects to the page with the token. */
async function openLink(link: string): Promise<URL> {
  const url = new URL(link);
  const response = await call("GET", `${url.pathname}${url.search}`);
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location")!);
}

const resetTokens = (userId: string) =>
  getDb()
    .select({ id: verification.id })
    .from(verification)
    .where(and(eq(verification.value, userId), like(verification.identifier, "reset-password:%")));

describe("POST /api/auth/request-password-reset → the emailed link → POST /api/auth/reset-password", () => {
  it("resets the password: signed in afterwards, every other session ended, old password refused, tasks kept", async () => {
    const user = await signUp("Ada");
    const task = await createTask(user, { title: "Still here after the reset" });
    const otherDevice = await signIn(user.email, user.password);

    const requested = await requestReset(user.email);
    expect(requested.status).toBe(200);
    expect(requested.body).toEqual({ status: true, message: "If this email exists in our system, check your email for the reset link" });

    const message = await onlyMessageTo(user.email);
    expect(message.subject).toBe("Reset your todo-next password");
    expect(message.text).toContain("works once, for 30 minutes");
    expect(message.link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/reset-password\/[A-Za-z0-9]+\?callbackURL=%2Freset-password$/);
    expect(message.html).toContain(message.link.replaceAll("&", "&amp;"));

    const page = await openLink(message.link);
    expect(page.pathname).toBe("/reset-password");
    const token = page.searchParams.get("token")!;
    expect(token).toBeTruthy();

    const reset = await call("POST", "/api/auth/reset-password", { body: { newPassword: NEW_PASSWORD, token } });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ status: true });
    const cookie = reset.headers.getSetCookie().find((value) => value.startsWith("better-auth.session_token="))!.split(";")[0]!;
    expect(await sessionUser(cookie)).toMatchObject({ id: user.id, emailVerified: true });

    // Every session from before is over: the one that asked, and the other device.
    expect(await sessionUser(user.cookie)).toBeNull();
    expect(await sessionUser(otherDevice)).toBeNull();

    const oldPassword = await call("POST", "/api/auth/sign-in/email", { body: { email: user.email, password: user.password } });
    expect(oldPassword.status).toBe(401);
    expect(await signIn(user.email, NEW_PASSWORD)).toMatch(/^better-auth\.session_token=/);

    const list = await call("GET", tasksPath(user), { token: await accessToken(cookie) });
    expect(list.body).toMatchObject({ count: 1, tasks: [{ id: task.id, title: "Still here after the reset" }] });

    // No email carries a password: not the old one, not the new one.
    for (const sent of await messagesTo(user.email)) {
      expect(`${sent.text}${sent.html}`).not.toContain(user.password);
      expect(`${sent.text}${sent.html}`).not.toContain(NEW_PASSWORD);
    }
  });

  it("answers exactly the same for an address without an account, and sends nothing", async () => {
    const known = await signUp();
    const unknownAddress = `nobody-${known.id}@example.com`;
    const forKnown = await requestReset(known.email);
    const forUnknown = await requestReset(unknownAddress);
    expect([forUnknown.status, forUnknown.body]).toEqual([forKnown.status, forKnown.body]);
    expect(await messagesTo(unknownAddress)).toEqual([]);
  });

  it("a link works once: the second use is 400 INVALID_TOKEN, and opening it again redirects with the error", async () => {
    const user = await signUp();
    await requestReset(user.email);
    const { link } = await onlyMessageTo(user.email);
    const token = (await openLink(link)).searchParams.get("token")!;
    expect((await call("POST", "/api/auth/reset-password", { body: { newPassword: NEW_PASSWORD, token } })).status).toBe(200);

    const again = await call("POST", "/api/auth/reset-password", { body: { newPassword: "yet-another-password", token } });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error_code: "VALIDATION_ERROR", code: "INVALID_TOKEN" });
    const reopened = await openLink(link);
    expect(`${reopened.pathname}${reopened.search}`).toBe("/reset-password?error=INVALID_TOKEN");
    expect(await signIn(user.email, NEW_PASSWORD)).toBeTruthy();
  });

  it(`a link is short-lived: valid for ${RESET_LINK_SECONDS / 60} minutes, refused after`, async () => {
    const user = await signUp();
    await requestReset(user.email);
    const token = (await openLink((await onlyMessageTo(user.email)).link)).searchParams.get("token")!;
    const [row] = await getDb().select({ expiresAt: verification.expiresAt }).from(verification).where(eq(verification.identifier, `reset-password:${token}`));
    expect((row!.expiresAt.getTime() - Date.now()) / 1000).toBeGreaterThan(RESET_LINK_SECONDS - 60);
    expect((row!.expiresAt.getTime() - Date.now()) / 1000).toBeLessThanOrEqual(RESET_LINK_SECONDS);

    await getDb().update(verification).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(verification.identifier, `reset-password:${token}`));
    const expired = await call("POST", "/api/auth/reset-password", { body: { newPassword: NEW_PASSWORD, token } });
    expect(expired.status).toBe(400);
    expect(expired.body).toMatchObject({ code: "INVALID_TOKEN" });
    expect(await signIn(user.email, user.password)).toBeTruthy();
  });

  it("refuses a new password of the wrong length and a made-up token, changing nothing", async () => {
    const user = await signUp();
    await requestReset(user.email);
    const token = (await openLink((await onlyMessageTo(user.email)).link)).searchParams.get("token")!;
    const short = await call("POST", "/api/auth/reset-password", { body: { newPassword: "short", token } });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: "PASSWORD_TOO_SHORT" });
    const forged = await call("POST", "/api/auth/reset-password", { body: { newPassword: NEW_PASSWORD, token: "made-up-token" } });
    expect(forged.body).toMatchObject({ code: "INVALID_TOKEN" });
    // A refused reset signs nobody in.
    for (const refused of [short, forged]) expect(refused.headers.getSetCookie().filter((cookie) => cookie.startsWith("better-auth.session_token="))).toEqual([]);
    const missing = await call("POST", "/api/auth/reset-password", { body: { newPassword: NEW_PASSWORD } });
    expect(missing.status).toBe(400);
    const badEmail = await call("POST", "/api/auth/request-password-reset", { body: { email: "not an address" } });
    expect(badEmail.status).toBe(400);
    expect(await sessionUser(user.cookie)).not.toBeNull();
  });

  it(`per email: at most ${MAIL_BUDGET.emails} reset emails an hour; beyond that the answer is the same, nothing is sent and no usable token is left`, async () => {
    const user = await signUp();
    const answers = [];
    for (let i = 0; i <= MAIL_BUDGET.emails; i += 1) answers.push((await requestReset(user.email)).body);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await messagesTo(user.email)).toHaveLength(MAIL_BUDGET.emails);
    expect(await resetTokens(user.id)).toHaveLength(MAIL_BUDGET.emails);
  });

  it("the budget holds when the requests come at once (each send checks it in the background)", async () => {
    const user = await signUp();
    const taken = await Promise.all(Array.from({ length: 8 }, () => takeMailBudget(`concurrent:${user.id}`, user.id)));
    expect(taken.filter(Boolean)).toHaveLength(MAIL_BUDGET.emails);
    const answers = await Promise.all(Array.from({ length: 5 }, () => requestReset(user.email)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await messagesTo(user.email)).toHaveLength(MAIL_BUDGET.emails);
  });

  it("without email on the server (production without SMTP_URL) the request is refused with 400 RESET_PASSWORD_DISABLED", async () => {
    const user = await signUp();
    await withAuthSettings({ mail: false, requireEmailVerification: false }, async () => {
      const refused = await requestReset(user.email);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error_code: "VALIDATION_ERROR", code: "RESET_PASSWORD_DISABLED" });
    });
    expect(await messagesTo(user.email)).toEqual([]);
  });
});
