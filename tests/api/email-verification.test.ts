import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAIL_BUDGET } from "@/lib/accounts/mail-budget";
import { call, sessionCookie } from "../support/api";
import { sessionUser, signIn, withAuthSettings } from "../support/accounts";
import { messagesTo, onlyMessageTo } from "../support/mail";

/**
 * REQUIRE_EMAIL_VERIFICATION: sign-up sends a link and starts no session; sign-in explains (403
 * EMAIL_NOT_VERIFIED) until the link is opened, and a new link can be asked for.
 */

const required = { mail: true, requireEmailVerification: true };
const PASSWORD = "correct-horse-battery";

function signUpBody(label: string) {
  return { name: "Vera", email: `${label}-${randomUUID()}@example.com`, password: PASSWORD, callbackURL: "/verified" };
}

const resend = (email: string) => call("POST", "/api/auth/send-verification-email", { body: { email, callbackURL: "/verified" } });

describe("email verification (REQUIRE_EMAIL_VERIFICATION=true)", () => {
  it("sign-up sends a link and no session; sign-in is 403 EMAIL_NOT_VERIFIED until the link is opened, which signs in", async () => {
    await withAuthSettings(required, async () => {
      const body = signUpBody("verify");
      const signedUp = await call("POST", "/api/auth/sign-up/email", { body });
      expect(signedUp.status).toBe(200);
      expect(signedUp.body).toMatchObject({ token: null, user: { email: body.email, emailVerified: false } });
      expect(signedUp.headers.getSetCookie().filter((cookie) => cookie.startsWith("better-auth.session_token="))).toEqual([]);

      const message = await onlyMessageTo(body.email);
      expect(message.subject).toBe("Confirm your email address for todo-next");
      expect(message.link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/verify-email\?token=[\w.-]+&callbackURL=%2Fverified$/);
      expect(`${message.text}${message.html}`).not.toContain(PASSWORD);

      const refused = await call("POST", "/api/auth/sign-in/email", { body: { email: body.email, password: PASSWORD } });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error_code: "AUTH_FORBIDDEN", code: "EMAIL_NOT_VERIFIED" });

      const link = new URL(message.link);
      const opened = await call("GET", `${link.pathname}${link.search}`);
      expect(opened.status).toBe(302);
      expect(opened.headers.get("location")).toBe("/verified");
      expect(await sessionUser(sessionCookie(opened))).toMatchObject({ email: body.email, emailVerified: true });
      expect(await signIn(body.email, PASSWORD)).toBeTruthy();
    });
  });

  it("a new link on request: the same answer for any address; only an unverified account gets one", async () => {
    await withAuthSettings(required, async () => {
      const body = signUpBody("resend");
      await call("POST", "/api/auth/sign-up/email", { body });
      const forAccount = await resend(body.email);
      const nobody = `nobody-${randomUUID()}@example.com`;
      const forNobody = await resend(nobody);
      expect([forAccount.status, forAccount.body]).toEqual([200, { status: true }]);
      expect([forNobody.status, forNobody.body]).toEqual([200, { status: true }]);
      expect(await messagesTo(body.email)).toHaveLength(2);
      expect(await messagesTo(nobody)).toEqual([]);
    });
  });

  it(`per email: at most ${MAIL_BUDGET.emails} verification emails an hour`, async () => {
    await withAuthSettings(required, async () => {
      const body = signUpBody("budget");
      await call("POST", "/api/auth/sign-up/email", { body });
      for (let i = 0; i < MAIL_BUDGET.emails + 1; i += 1) expect((await resend(body.email)).status).toBe(200);
      expect(await messagesTo(body.email)).toHaveLength(MAIL_BUDGET.emails);
    });
  });

  it("a bad or tampered link leads to the page with the error, and verifies nothing", async () => {
    await withAuthSettings(required, async () => {
      const body = signUpBody("tampered");
      await call("POST", "/api/auth/sign-up/email", { body });
      const link = new URL((await onlyMessageTo(body.email)).link);
      link.searchParams.set("token", `${link.searchParams.get("token")}x`);
      const opened = await call("GET", `${link.pathname}${link.search}`);
      expect(opened.status).toBe(302);
      expect(opened.headers.get("location")).toBe("/verified?error=INVALID_TOKEN");
      expect((await call("POST", "/api/auth/sign-in/email", { body: { email: body.email, password: PASSWORD } })).status).toBe(403);
      expect((await call("GET", "/api/auth/verify-email?token=garbage")).status).toBe(401);
      expect((await call("GET", "/api/auth/verify-email")).status).toBe(400);
    });
  });
});

describe("email verification off (the default)", () => {
  it("sign-up signs in at once and sends no email", async () => {
    const body = signUpBody("off");
    const signedUp = await call("POST", "/api/auth/sign-up/email", { body });
    expect(signedUp.status).toBe(200);
    expect(await sessionUser(sessionCookie(signedUp))).toMatchObject({ email: body.email, emailVerified: false });
    expect(await messagesTo(body.email)).toEqual([]);
  });
});
