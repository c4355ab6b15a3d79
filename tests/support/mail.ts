import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { mailDirectory, mailSettled } from "@/lib/mail/mailer";

/**
 * The messages the file transport wrote (tests run with it: vitest.config.ts), parsed as a mail
 * client would. Addresses are unique per test, so each test finds only its own messages.
 */
export interface StoredMessage {
  file: string;
  mail: ParsedMail;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The one link of the message (text part). */
  link: string;
}

async function parse(file: string): Promise<StoredMessage> {
  const mail = await simpleParser(await readFile(file));
  const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((address) => address.value.map((entry) => entry.address ?? ""));
  const text = mail.text ?? "";
  const link = /https?:\/\/\S+/.exec(text)?.[0] ?? "";
  return { file, mail, to: to.join(", "), subject: mail.subject ?? "", text, html: typeof mail.html === "string" ? mail.html : "", link };
}

/** Every message sent to `address` so far, oldest first (background sends finished first). */
export async function messagesTo(address: string): Promise<StoredMessage[]> {
  await mailSettled();
  const directory = mailDirectory();
  const files = (await readdir(directory).catch(() => [] as string[])).filter((name) => name.endsWith(".eml")).sort();
  const messages = await Promise.all(files.map((name) => parse(path.join(directory, name))));
  return messages.filter((message) => message.to.toLowerCase() === address.toLowerCase());
}

/** The one message sent to `address`; fails when there is none or more than one. */
export async function onlyMessageTo(address: string): Promise<StoredMessage> {
  const messages = await messagesTo(address);
  if (messages.length !== 1) throw new Error(`expected one message to ${address}, found ${messages.length}`);
  return messages[0]!;
}
