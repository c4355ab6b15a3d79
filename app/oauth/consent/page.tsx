import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { ConsentForm } from "@/components/oauth/consent-form";
import styles from "@/components/oauth/oauth.module.css";
import { TASK_SCOPES } from "@/lib/mcp/settings";
import { findPublicClient } from "@/lib/oauth/clients";
import { accessSummary, clientDisplayName, hostOf } from "@/lib/oauth/display";
import { CONNECTED_APPS_PAGE } from "@/lib/oauth/pages";
import { getSessionUser } from "@/lib/session";

export const metadata: Metadata = { title: "Allow access" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Where an authorization asks the signed-in person to allow an assistant (the OAuth provider
 * sends them here with its signed query). Without a session, sign-in leads back to it.
 */
export default async function ConsentPage({ searchParams }: PageProps<"/oauth/consent">) {
  const params = await searchParams;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const item of [value ?? []].flat()) query.append(name, item);
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?${query}`);
  const clientId = first(params.client_id);
  const client = clientId ? await findPublicClient(clientId) : undefined;
  const back = <Link href="/tasks">Back to your tasks</Link>;
  if (!client) {
    return (
      <AuthShell title="Unknown app" lead="This app is not registered here (or no longer is). Go back to your assistant and connect again." footer={back}>
        {null}
      </AuthShell>
    );
  }
  const name = clientDisplayName(client.name);
  const scopes = (first(params.scope) ?? "").split(" ");
  const returnHost = hostOf(first(params.redirect_uri));
  return (
    <AuthShell title={`Connect ${name}?`} lead={`${name} wants to ${accessSummary(scopes)}.`} footer={back}>
      <ul className={styles.permissions}>
        <li>See your tasks</li>
        {scopes.includes(TASK_SCOPES.write) && <li>Add, change, complete and delete your tasks</li>}
        {scopes.includes("offline_access") && <li>Stay connected until you disconnect it</li>}
      </ul>
      <p className={styles.note}>
        Signed in as {user.email}. {returnHost && <>Your answer goes back to {returnHost}. </>}You can disconnect it any time on{" "}
        <Link href={CONNECTED_APPS_PAGE}>Connected apps</Link>.
      </p>
      <ConsentForm oauthQuery={query.toString()} />
    </AuthShell>
  );
}
