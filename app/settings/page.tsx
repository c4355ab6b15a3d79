import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SettingsApp } from "@/components/settings/settings-app";
import { mailEnabled } from "@/lib/mail/mailer";
import { signInPath } from "@/lib/redirect-target";
import { getAccountSession } from "@/lib/session";

export const metadata: Metadata = { title: "Settings" };

// The proxy only saw a session cookie; this checks the session itself.
export default async function SettingsPage() {
  const account = await getAccountSession(await headers());
  if (!account) redirect(signInPath("/settings"));
  return <SettingsApp user={account.user} sessionId={account.sessionId} mail={mailEnabled} />;
}
