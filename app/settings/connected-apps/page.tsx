import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import styles from "@/components/oauth/oauth.module.css";
import { listConnections } from "@/lib/oauth/connections";
import { accessSummary, clientDisplayName, hostOf } from "@/lib/oauth/display";
import { CONNECTED_APPS_PAGE } from "@/lib/oauth/pages";
import { signInPath } from "@/lib/redirect-target";
import { getSessionUser } from "@/lib/session";
import { disconnectApp } from "./actions";

export const metadata: Metadata = { title: "Connected apps" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

// The assistants (MCP clients) the person allowed, each with a Disconnect button.
export default async function ConnectedAppsPage() {
  const user = await getSessionUser(await headers());
  if (!user) redirect(signInPath(CONNECTED_APPS_PAGE));
  const connections = await listConnections(user.id);
  return (
    <AuthShell
      title="Connected apps"
      lead="Assistants you allowed to use your tasks. Disconnect one and it loses access at once."
      footer={<Link href="/tasks">Back to your tasks</Link>}
    >
      {connections.length === 0 ? (
        <p className={styles.empty}>No apps are connected. Add this app&apos;s MCP server in your assistant to connect one.</p>
      ) : (
        <ul className={styles.apps}>
          {connections.map((connection) => {
            const name = clientDisplayName(connection.name);
            const host = hostOf(connection.uri);
            return (
              <li key={connection.clientId} className={styles.app}>
                <div>
                  <div className={styles.appName}>{name}</div>
                  <p className={styles.appDetail}>
                    Can {accessSummary(connection.scopes)} · since {dateFormat.format(connection.connectedAt)}
                    {host && <> · {host}</>}
                  </p>
                </div>
                <form action={disconnectApp}>
                  <input type="hidden" name="client_id" value={connection.clientId} />
                  <button type="submit" className="button button-secondary" aria-label={`Disconnect ${name}`}>
                    Disconnect
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </AuthShell>
  );
}
