import type net from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server";

/**
 * Email in the production server: off without SMTP_URL (one start-up line; the pages offer no
 * reset; the rest of the app works), and with SMTP_URL a password reset end to end through a
 * real SMTP server started here, under Better Auth's per-address limit.
 */

const PASSWORD = "correct-horse-battery";
// Vitest sets TEST=true, which the server would inherit, and Better Auth then skips its origin
// and callback-URL checks as in a test: these servers run as in production.
const asInProduction = { TEST: "" };

async function signUp(server: RunningServer, email: string) {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    // Node's fetch sends Sec-Fetch-Mode, and with it Better Auth wants an Origin, as from a browser.
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify({ name: "Smoke", email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
}

const requestReset = (server: RunningServer, email: string) =>
  fetch(`${server.baseUrl}/api/auth/request-password-reset`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify({ email, redirectTo: "/reset-password" }),
  });

describe("production without SMTP_URL (npm start on the embedded default)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(asInProduction);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("says once at start-up that email is off; the pages offer no reset; the endpoint refuses; the rest works", async () => {
    const notices = server.output().split("\n").filter((line) => line.includes("Email is off"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("Email is off (no SMTP_URL): password reset, email verification and email change are not offered.");
    const signIn = await (await fetch(`${server.baseUrl}/sign-in`)).text();
    expect(signIn).toContain("Sign in");
    expect(signIn).not.toContain("Forgot password?");
    expect(await (await fetch(`${server.baseUrl}/forgot-password`)).text()).toContain("Password reset by email is not available on this server.");
    await signUp(server, "no-mail@example.com");
    const refused = await requestReset(server, "no-mail@example.com");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error_code: "VALIDATION_ERROR", code: "RESET_PASSWORD_DISABLED" });
  });

  it("the emailed links never lead off the site: a callbackURL of another origin is 403, not a redirect", async () => {
    for (const path of ["/api/auth/verify-email?token=x&callbackURL=https://evil.example/", "/api/auth/reset-password/x?callbackURL=https://evil.example/"]) {
      const response = await fetch(`${server.baseUrl}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(403);
      expect(await response.json()).toMatchObject({ error_code: "AUTH_FORBIDDEN", code: "INVALID_CALLBACK_URL" });
    }
  });
});

describe("production with SMTP_URL: a real SMTP server", () => {
  const inbox: ParsedMail[] = [];
  let smtp: SMTPServer;
  let server: RunningServer;

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) => callback(auth.username === "app" && auth.password === "secret" ? null : new Error("denied"), { user: auth.username }),
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            inbox.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as net.AddressInfo).port;
    server = await startServer({ ...asInProduction, SMTP_URL: `smtp://app:secret@127.0.0.1:${port}`, MAIL_FROM: "todo-next <no-reply@smoke.example>", AUTH_RATE_LIMIT: "on" });
  });

  afterAll(async () => {
    await server?.stop();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it("a reset link arrives by SMTP, works, and signs in; the same answer for an unknown address; the 4th request a minute is 429", async () => {
    expect(server.output()).not.toContain("Email is off");
    expect(await (await fetch(`${server.baseUrl}/sign-in`)).text()).toContain("Forgot password?");
    const email = "smtp-reset@example.com";
    await signUp(server, email);

    const known = await requestReset(server, email);
    const unknown = await requestReset(server, "nobody@example.com");
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(await unknown.json()).toEqual(await known.json());

    const deadline = Date.now() + 20_000;
    while (inbox.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(inbox).toHaveLength(1);
    const [mail] = inbox;
    expect(mail!.from?.text).toBe('"todo-next" <no-reply@smoke.example>');
    expect(mail!.subject).toBe("Reset your todo-next password");
    expect(mail!.html).toBeTruthy();
    expect(`${mail!.text}${mail!.html}`).not.toContain(PASSWORD);
    const link = /https?:\/\/\S+/.exec(mail!.text ?? "")![0];

    const opened = await fetch(link, { redirect: "manual" });
    expect(opened.status).toBe(302);
    const page = new URL(opened.headers.get("location")!);
    expect(page.pathname).toBe("/reset-password");
    expect((await fetch(page)).status).toBe(200);
    const reset = await fetch(`${server.baseUrl}/api/auth/reset-password`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.baseUrl },
      body: JSON.stringify({ newPassword: "a-new-smoke-password", token: page.searchParams.get("token") }),
    });
    expect(reset.status).toBe(200);
    expect(reset.headers.getSetCookie().some((cookie) => cookie.startsWith("better-auth.session_token=") && !cookie.includes("Max-Age=0"))).toBe(true);

    // Better Auth's per-address limit on reset requests: 3 a minute.
    const third = await requestReset(server, email);
    const fourth = await requestReset(server, email);
    expect(third.status).toBe(200);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
