import type net from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDelivery } from "@/lib/mail/mailer";
import { passwordResetMessage, verifyEmailMessage } from "@/lib/mail/messages";

/**
 * The production transport against a real SMTP server started here (smtp-server, on a free port):
 * the message that arrives is well-formed MIME, text and HTML alternatives with the same link,
 * from MAIL_FROM, authenticated with the credentials of SMTP_URL, and without a password.
 */

interface Received {
  from: string | false | undefined;
  to: string[];
  raw: Buffer;
  user: string | undefined;
}

const received: Received[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    // No certificate here: plain SMTP, so no STARTTLS, and AUTH allowed without TLS.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === "mailer" && auth.password === "s3cret pass") callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom && session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((to) => to.address), raw: Buffer.concat(chunks), user: session.user as string | undefined });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const smtp = (credentials = "mailer:s3cret%20pass") =>
  createDelivery({ transport: "smtp", smtpUrl: `smtp://${credentials}@127.0.0.1:${port}`, from: "todo-next <no-reply@todo.example.com>", directory: undefined });

describe("SMTP transport (SMTP_URL) – a real server", () => {
  it("delivers a well-formed text + HTML message with the link, from MAIL_FROM, authenticated, without a password", async () => {
    const url = "https://todo.example.com/api/auth/reset-password/lE3dTwNVsiDJbh46e9HEziI9?callbackURL=%2Freset-password";
    const password = "correct-horse-battery";
    await smtp()(passwordResetMessage({ to: "ada@example.com", name: "Ada <script>", url, validSeconds: 1800 }));

    const message = received.at(-1)!;
    expect(message).toMatchObject({ from: "no-reply@todo.example.com", to: ["ada@example.com"], user: "mailer" });
    expect(message.raw.toString("utf8")).not.toContain(password);

    const parsed = await simpleParser(message.raw);
    expect(parsed.headers.get("content-type")).toMatchObject({ value: "multipart/alternative", params: { boundary: expect.any(String) } });
    expect(parsed.headers.get("mime-version")).toBe("1.0");
    expect(parsed.messageId).toMatch(/^<.+@todo\.example\.com>$/);
    expect(Math.abs(parsed.date!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(parsed.from?.text).toBe('"todo-next" <no-reply@todo.example.com>');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : "").toBe("ada@example.com");
    expect(parsed.subject).toBe("Reset your todo-next password");
    expect(parsed.text).toContain(url);
    expect(parsed.text).toContain("Hello Ada <script>,");
    expect(parsed.html).toContain(`href="${url}"`);
    expect(parsed.html).toContain("Hello Ada &lt;script&gt;,");
    expect(parsed.html).not.toContain("<script>");
    expect(parsed.attachments).toEqual([]);
  });

  it("sends each message to its recipient only", async () => {
    await smtp()(verifyEmailMessage({ to: "grace@example.com", name: "Grace", url: "https://todo.example.com/api/auth/verify-email?token=t", validSeconds: 3600 }));
    expect(received.at(-1)!.to).toEqual(["grace@example.com"]);
  });

  it("fails (for the caller to log) when the server refuses the credentials", async () => {
    await expect(smtp("mailer:wrong")(verifyEmailMessage({ to: "x@example.com", name: "", url: "https://t.example/v", validSeconds: 3600 }))).rejects.toThrow(/Invalid login|auth/i);
  });
});
