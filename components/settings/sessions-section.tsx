"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { deviceName } from "@/lib/client/device-name";
import { describeAuthError } from "@/lib/client/form-errors";
import styles from "./settings.module.css";

interface ActiveSession {
  id: string;
  token: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  updatedAt: Date | string;
}

const lastSeen = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The account's sessions (device, last seen), with "Sign out" for each other one and for all of them. */
export function SessionsSection({ currentSessionId, version }: { currentSessionId: string; version: number }) {
  const [sessions, setSessions] = useState<ActiveSession[] | undefined>();
  const [problem, setProblem] = useState("");
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const { data, error } = await authClient.listSessions().catch(() => ({ data: null, error: { status: 0 } }));
    if (error || !data) return setProblem(describeAuthError(error ?? {}).message);
    setProblem("");
    // This device first, then the most recently active.
    setSessions(
      [...data].sort((a, b) => Number(b.id === currentSessionId) - Number(a.id === currentSessionId) || Date.parse(String(b.updatedAt)) - Date.parse(String(a.updatedAt))),
    );
  }, [currentSessionId]);

  useEffect(() => {
    // Loaded in the browser only: "last seen" is shown in the person's own time zone. The state is
    // set when the request answers, not during the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load, version]);

  async function signOut(run: () => Promise<{ error?: { status?: number; code?: string; message?: string } | null }>, done: string) {
    setBusy(true);
    setStatus("");
    const { error } = await run().catch(() => ({ error: { status: 0 } }));
    setBusy(false);
    if (error) return setProblem(describeAuthError(error).message);
    setStatus(done);
    await load();
    heading.current?.focus();
  }

  const others = sessions?.filter((session) => session.id !== currentSessionId) ?? [];

  return (
    <section className={styles.section} aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" ref={heading} tabIndex={-1}>
        Where you are signed in
      </h2>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      {!sessions && !problem && <p className={styles.muted}>Loading your sessions…</p>}
      {sessions && (
        <ul className={styles.sessions} aria-label="Sessions">
          {sessions.map((session) => {
            const device = deviceName(session.userAgent);
            const current = session.id === currentSessionId;
            return (
              <li key={session.id} className={styles.session}>
                <div>
                  <p>
                    <span className={styles.sessionDevice}>{device}</span>
                    {current && <span className={styles.badge}>This device</span>}
                  </p>
                  <p className={styles.sessionDetail}>
                    Last seen {lastSeen.format(new Date(session.updatedAt))}
                    {session.ipAddress ? ` · ${session.ipAddress}` : ""}
                  </p>
                </div>
                {!current && (
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={busy}
                    aria-label={`Sign out ${device}, last seen ${lastSeen.format(new Date(session.updatedAt))}`}
                    onClick={() => signOut(() => authClient.revokeSession({ token: session.token }), `Signed out ${device}.`)}
                  >
                    Sign out
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className={styles.actions}>
        {others.length > 0 && (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => signOut(() => authClient.revokeOtherSessions(), "Signed out everywhere else.")}>
            Sign out everywhere else
          </button>
        )}
        <p role="status" className={styles.done}>
          {status}
        </p>
      </div>
    </section>
  );
}
