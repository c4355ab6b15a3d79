import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "@/lib/env";
import { parseEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { announceMail, checkConfiguration, mailNotice } from "@/lib/startup";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("checkConfiguration – run by instrumentation.ts at server start", () => {
  it("passes when the configuration loads", async () => {
    const exit = vi.fn();
    await checkConfiguration(async () => ({}), exit);
    expect(exit).not.toHaveBeenCalled();
  });

  it("prints one line and exits 1 on a configuration error", async () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const exit = vi.fn();
    await checkConfiguration(async () => {
      throw new ConfigError("Invalid configuration: PORT must be a number");
    }, exit);
    expect(printed).toHaveBeenCalledExactlyOnceWith("todo-next: Invalid configuration: PORT must be a number");
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
  });

  it("lets any other failure through", async () => {
    await expect(checkConfiguration(async () => Promise.reject(new TypeError("bug")), vi.fn())).rejects.toThrow("bug");
    await expect(checkConfiguration()).resolves.toBeUndefined();
  });
});

describe("mailNotice – one start-up line when email is not the usual", () => {
  it("production without SMTP_URL: says the email flows are off and how to turn them on", () => {
    expect(mailNotice(parseEnv({ NODE_ENV: "production" }))).toBe(
      "Email is off (no SMTP_URL): password reset, email verification and email change are not offered. Set SMTP_URL and MAIL_FROM to turn them on.",
    );
  });

  it("production writing files says where; development files and SMTP say nothing", () => {
    expect(mailNotice(parseEnv({ NODE_ENV: "production", MAIL_TRANSPORT: "file", DATA_DIR: "/srv/data" }))).toBe(
      "Email is written to files in /srv/data/mail (MAIL_TRANSPORT=file), not sent.",
    );
    expect(mailNotice(parseEnv({}))).toBeUndefined();
    expect(mailNotice(parseEnv({ NODE_ENV: "production", SMTP_URL: "smtp://smtp.example.com", MAIL_FROM: "a@example.com" }))).toBeUndefined();
  });

  it("announceMail logs nothing for the test configuration (files, not production)", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    await announceMail();
    expect(warn).not.toHaveBeenCalled();
  });
});
