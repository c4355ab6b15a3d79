import type { Env } from "@/lib/env";

/**
 * Validates configuration before the first request: a bad value stops the process with one
 * clear line instead of a stack trace, or a 500 on the first request.
 */
export async function checkConfiguration(
  load: () => Promise<unknown> = () => import("@/lib/env"),
  exit: (code: number) => void = (code) => process.exit(code),
): Promise<void> {
  try {
    await load();
  } catch (error) {
    if (!(error instanceof Error && error.name === "ConfigError")) throw error;
    console.error(`todo-next: ${error.message}`);
    exit(1);
  }
}

/**
 * The one start-up line about email, when it is not the usual: off in production (the pages then
 * offer no password reset, verification or email change), or written to files there.
 */
export function mailNotice(config: Pick<Env, "mail" | "isProduction">): string | undefined {
  if (config.mail.transport === "off") {
    return "Email is off (no SMTP_URL): password reset, email verification and email change are not offered. Set SMTP_URL and MAIL_FROM to turn them on.";
  }
  if (config.mail.transport === "file" && config.isProduction) {
    return `Email is written to files in ${config.mail.directory ?? "a temporary directory"} (MAIL_TRANSPORT=file), not sent.`;
  }
  return undefined;
}

/** Logs mailNotice's line, if any (instrumentation.ts, after checkConfiguration). */
export async function announceMail(): Promise<void> {
  const [{ env }, { logger }] = await Promise.all([import("@/lib/env"), import("@/lib/logger")]);
  const notice = mailNotice(env);
  if (notice) logger.warn(notice);
}
