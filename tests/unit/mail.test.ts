import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/logger";
import { createDelivery, inBackground, mailSettled } from "@/lib/mail/mailer";
import { changeEmailMessage, passwordResetMessage, verifyEmailMessage } from "@/lib/mail/messages";

afterEach(() => {
  vi.restoreAllMocks();
});

const link = "http://localhost:3000/api/auth/verify-email?token=abc&callbackURL=%2Fverified";

describe("messages – short, plain, text and HTML with the same link", () => {
  it.each([
    ["password reset", passwordResetMessage, "reset-password", "Reset your todo-next password", "30 minutes"],
    ["verification", verifyEmailMessage, "verify-email", "Confirm your email address for todo-next", "1 hour"],
    ["new address", changeEmailMessage, "change-email", "Confirm your new email address for todo-next", "1 hour"],
  ] as const)("%s", (_, compose, kind, subject, validity) => {
    const message = compose({ to: "ada@example.com", name: "Ada & <Bob>", url: link, validSeconds: kind === "reset-password" ? 1800 : 3600 });
    expect(message).toMatchObject({ kind, to: "ada@example.com", subject });
    expect(message.text).toContain(`Hello Ada & <Bob>,`);
    expect(message.text).toContain(`\n${link}\n`);
    expect(message.text).toContain(validity);
    expect(message.html).toContain(`href="${link.replaceAll("&", "&amp;")}"`);
    expect(message.html).toContain("Hello Ada &amp; &lt;Bob&gt;,");
    expect(message.html).not.toContain("<Bob>");
    expect(message.text.split("\n").length).toBeLessThan(15);
  });

  it("greets without a name when there is none", () => {
    expect(verifyEmailMessage({ to: "a@example.com", name: "  ", url: link, validSeconds: 3600 }).text.startsWith("Hello,\n")).toBe(true);
  });
});

describe("file transport (development default): one .eml file per message, one log line naming it", () => {
  it("writes the message a mail client would get, and logs its path", async () => {
    const directory = path.join(mkdtempSync(path.join(tmpdir(), "mail-test-")), "mail");
    const info = vi.spyOn(logger, "info").mockImplementation(() => undefined);
    await createDelivery({ transport: "file", smtpUrl: undefined, from: "todo-next <no-reply@localhost>", directory })(
      passwordResetMessage({ to: "ada@example.com", name: "Ada", url: link, validSeconds: 1800 }),
    );
    const files = readdirSync(directory);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-reset-password-[0-9a-f]{6}\.eml$/);
    const file = path.join(directory, files[0]!);
    expect(info).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith({ kind: "reset-password", file }, `email written to ${file}: open it to follow its link`);
    const parsed = await simpleParser(readFileSync(file));
    expect(parsed.subject).toBe("Reset your todo-next password");
    expect(parsed.text).toContain(link);
    expect(parsed.html).toContain("Choose a new password");
  });

  it("off (production without SMTP_URL): sending fails rather than pretending", async () => {
    await expect(createDelivery({ transport: "off", smtpUrl: undefined, from: "x <x@localhost>", directory: undefined })(verifyEmailMessage({ to: "a@example.com", name: "", url: link, validSeconds: 60 }))).rejects.toThrow(
      /Email is off/,
    );
  });
});

describe("inBackground – the caller never waits; a failure is logged without the address", () => {
  it("logs the kind and the server's reply with every address redacted", async () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    let finished = false;
    inBackground("reset-password", async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
      throw Object.assign(new Error("Can't send mail - all recipients were rejected: 550 <ada@example.com> unknown"), { code: "EENVELOPE", responseCode: 550 });
    });
    expect(finished).toBe(false);
    await mailSettled();
    expect(finished).toBe(true);
    expect(error).toHaveBeenCalledWith(
      { kind: "reset-password", err: { code: "EENVELOPE", responseCode: 550, message: "Can't send mail - all recipients were rejected: 550 <[address]> unknown" } },
      "email could not be sent",
    );
    expect(JSON.stringify(error.mock.calls)).not.toContain("ada@example.com");
  });
});
