import "server-only";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { waitUntil } from "@vercel/functions";
import { createTransport } from "nodemailer";
import { env, type Env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * The one way email leaves the app (transport chosen in lib/env.ts): SMTP through nodemailer, or
 * the same message, byte for byte, written to a `.eml` file for a developer to open. Messages are
 * sent in the background: a request never waits on (or reveals) a mail server's timing, which
 * would tell a caller whether an address has an account.
 */

export interface MailMessage {
  /** What the message is for: names the file and the log line, never the recipient. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Email can be sent, so the flows that need it are offered. */
export const mailEnabled = env.mail.transport !== "off";

type Deliver = (message: MailMessage) => Promise<void>;
export type MailSettings = Env["mail"];

// A dead or slow mail server fails the send within seconds instead of holding it for minutes.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

function smtpDelivery(url: string, from: string): Deliver {
  const transport = createTransport({ url, ...SMTP_TIMEOUTS }, { from });
  return async ({ to, subject, text, html }) => {
    await transport.sendMail({ to, subject, text, html });
  };
}

const holder = globalThis as typeof globalThis & { __todoMailDirectory?: string };

/** Where the file transport writes: DATA_DIR/mail, or with DATA_DIR=memory:// a temporary directory removed at exit. */
export function mailDirectory(settings: MailSettings = env.mail): string {
  if (settings.directory) return settings.directory;
  if (!holder.__todoMailDirectory) {
    const directory = mkdtempSync(path.join(os.tmpdir(), "todo-next-mail-"));
    process.once("exit", () => rmSync(directory, { recursive: true, force: true }));
    holder.__todoMailDirectory = directory;
  }
  return holder.__todoMailDirectory;
}

function fileDelivery(settings: MailSettings): Deliver {
  const composer = createTransport({ streamTransport: true, buffer: true, newline: "unix" }, { from: settings.from });
  return async ({ kind, to, subject, text, html }) => {
    const { message } = await composer.sendMail({ to, subject, text, html });
    const directory = mailDirectory(settings);
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const file = path.resolve(directory, `${stamp}-${kind}-${randomBytes(3).toString("hex")}.eml`);
    await mkdir(directory, { recursive: true });
    await writeFile(file, message as Buffer, { mode: 0o600 });
    logger.info({ kind, file }, `email written to ${file}: open it to follow its link`);
  };
}

/** The delivery `settings` (lib/env.ts `mail`) describe; the app uses one, made from its configuration. */
export function createDelivery(settings: MailSettings): Deliver {
  if (settings.transport === "smtp" && settings.smtpUrl) return smtpDelivery(settings.smtpUrl, settings.from);
  if (settings.transport === "file") return fileDelivery(settings);
  return async () => {
    throw new Error("Email is off (no SMTP_URL in production).");
  };
}

let delivery: Deliver | undefined;
const inFlight = new Set<Promise<void>>();

/** Sends now; resolves once the message is handed over (SMTP) or written (file). */
export async function sendMail(message: MailMessage): Promise<void> {
  delivery ??= createDelivery(env.mail);
  await delivery(message);
}

/**
 * Runs `work` (typically: check a budget, then sendMail) without making the caller wait; a
 * failure is logged by kind, never with the address. On Vercel `waitUntil` keeps the function
 * alive until it is done.
 */
export function inBackground(kind: string, work: () => Promise<void>): void {
  const running = work()
    .catch((error: unknown) => logger.error({ kind, err: describeFailure(error) }, "email could not be sent"))
    .finally(() => inFlight.delete(running));
  inFlight.add(running);
  waitUntil(running);
}

/** A mail server's reply may quote the recipient: addresses stay out of the log. */
function describeFailure(error: unknown) {
  const { code, responseCode, message } = (error ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  return { code, responseCode, message: String(message ?? error).replace(/[^\s<>@]+@[^\s<>@]+/g, "[address]") };
}

/** Resolves when all background work started so far has finished (tests wait on it). */
export async function mailSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.all(inFlight);
}
