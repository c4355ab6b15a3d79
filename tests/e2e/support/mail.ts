import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { expect } from "@playwright/test";

/**
 * The messages the server wrote to DATA_DIR/mail (playwright.config.ts starts it with
 * MAIL_TRANSPORT=file), parsed as a mail client would. Sends run in the background: the helper
 * waits for the message to appear.
 */
export interface Message {
  subject: string;
  text: string;
  html: string;
  /** The one link of the message. */
  link: string;
}

const mailDirectory = () => path.join(process.env.E2E_DATA_DIR!, "mail");

async function messagesTo(address: string): Promise<Message[]> {
  const files = (await readdir(mailDirectory()).catch(() => [] as string[])).filter((name) => name.endsWith(".eml")).sort();
  const messages: Message[] = [];
  for (const name of files) {
    const mail = await simpleParser(await readFile(path.join(mailDirectory(), name)));
    const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((entry) => entry.value.map((value) => value.address?.toLowerCase()));
    if (!to.includes(address.toLowerCase())) continue;
    const text = mail.text ?? "";
    messages.push({ subject: mail.subject ?? "", text, html: typeof mail.html === "string" ? mail.html : "", link: /https?:\/\/\S+/.exec(text)?.[0] ?? "" });
  }
  return messages;
}

/** The `count`-th message sent to `address` (1: the first), once it has been written. */
export async function messageTo(address: string, count = 1, timeout = 15_000): Promise<Message> {
  await expect.poll(async () => (await messagesTo(address)).length, { message: `email number ${count} to ${address}`, timeout }).toBeGreaterThanOrEqual(count);
  return (await messagesTo(address))[count - 1]!;
}
