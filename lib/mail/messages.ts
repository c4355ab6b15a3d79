import type { MailMessage } from "@/lib/mail/mailer";

/**
 * The app's emails: short, plain, text and HTML with the same words, one link each. They never
 * contain a password, and say what to do if the reader did not ask for them.
 */

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character]!);

interface Content {
  kind: string;
  to: string;
  subject: string;
  greeting: string;
  lines: string[];
  action: string;
  url: string;
  footer: string;
}

function compose({ kind, to, subject, greeting, lines, action, url, footer }: Content): MailMessage {
  const text = [greeting, "", ...lines, "", `${action}:`, url, "", footer, "", "todo-next"].join("\n");
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n");
  const html = `<!doctype html>
<html lang="en">
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #16181d;">
<p>${escapeHtml(greeting)}</p>
${paragraphs}
<p><a href="${escapeHtml(url)}" style="display: inline-block; padding: 0.5em 1em; background: #1f4fd1; color: #ffffff; border-radius: 6px; text-decoration: none;">${escapeHtml(action)}</a></p>
<p style="font-size: 0.9em; color: #4f5663;">Or copy this link into your browser:<br>${escapeHtml(url)}</p>
<p style="font-size: 0.9em; color: #4f5663;">${escapeHtml(footer)}</p>
<p>todo-next</p>
</body>
</html>
`;
  return { kind, to, subject, text, html };
}

const hello = (name: string) => (name.trim() ? `Hello ${name.trim()},` : "Hello,");

function duration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

interface LinkMessage {
  to: string;
  name: string;
  url: string;
  /** How long the link works. */
  validSeconds: number;
}

export function passwordResetMessage({ to, name, url, validSeconds }: LinkMessage): MailMessage {
  return compose({
    kind: "reset-password",
    to,
    subject: "Reset your todo-next password",
    greeting: hello(name),
    lines: [
      "Someone (we hope you) asked to reset the password of your todo-next account.",
      `The link below works once, for ${duration(validSeconds)}. Setting a new password signs you out everywhere else.`,
    ],
    action: "Choose a new password",
    url,
    footer: "If you did not ask for this, ignore this email: your password stays as it is.",
  });
}

export function verifyEmailMessage({ to, name, url, validSeconds }: LinkMessage): MailMessage {
  return compose({
    kind: "verify-email",
    to,
    subject: "Confirm your email address for todo-next",
    greeting: hello(name),
    lines: ["Please confirm that this is your email address.", `The link below works for ${duration(validSeconds)}.`],
    action: "Confirm my email address",
    url,
    footer: "If you did not create a todo-next account, ignore this email.",
  });
}

export function changeEmailMessage({ to, name, url, validSeconds }: LinkMessage): MailMessage {
  return compose({
    kind: "change-email",
    to,
    subject: "Confirm your new email address for todo-next",
    greeting: hello(name),
    lines: [
      "You asked to use this address for your todo-next account.",
      `Open the link below within ${duration(validSeconds)} to confirm it. Until then, the account keeps its current address.`,
    ],
    action: "Confirm my new address",
    url,
    footer: "If you did not ask for this, ignore this email: nothing changes.",
  });
}
