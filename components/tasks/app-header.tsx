"use client";

import Link from "next/link";
import { useState } from "react";
import { CONNECTED_APPS_PAGE } from "@/lib/oauth/pages";
import type { SessionUser } from "@/lib/session";
import styles from "./tasks.module.css";

const sections = [
  { href: "/tasks", label: "Tasks" },
  { href: "/settings", label: "Settings" },
  { href: CONNECTED_APPS_PAGE, label: "Connected apps" },
] as const;

export type Section = (typeof sections)[number]["href"];

/** Brand, the app's sections, the way to the API docs, who is signed in, and sign-out (which also forgets the token and the cached tasks). */
export function AppHeader({ user, current, onSignedOut }: { user: SessionUser; current: Section; onSignedOut: () => void }) {
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");

  async function signOut() {
    setState("pending");
    // Loaded on demand: the auth client is not needed to show the tasks (it would add ~20 kB to
    // the page's first load).
    const { error } = await import("@/lib/auth-client")
      .then(({ authClient }) => authClient.signOut())
      .catch(() => ({ error: { status: 0 } }));
    if (error) {
      setState("failed");
      return;
    }
    onSignedOut();
    // A full page load on purpose: nothing of the signed-out user (token, cached tasks) stays in memory.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/sign-in");
  }

  return (
    <header className={styles.header}>
      <div className={styles.headerInner}>
        <Link href="/" className={styles.brand} prefetch={false}>
          todo-next
        </Link>
        <nav aria-label="Sections" className={styles.sections}>
          {sections.map(({ href, label }) => (
            <Link key={href} href={href} prefetch={false} className={styles.section} aria-current={href === current ? "page" : undefined}>
              {label}
            </Link>
          ))}
        </nav>
        <div className={styles.account}>
          <Link href="/docs" className={styles.headerLink} prefetch={false}>
            API docs
          </Link>
          <span className={styles.who}>
            <span className="visually-hidden">Signed in as </span>
            <span title={user.email}>{user.name || user.email}</span>
          </span>
          <button type="button" className="button button-secondary" onClick={signOut} disabled={state === "pending"}>
            {state === "pending" ? "Signing out…" : "Sign out"}
          </button>
        </div>
      </div>
      {state === "failed" && (
        <p role="alert" className={styles.headerError}>
          Could not sign out. Check your connection and try again.
        </p>
      )}
    </header>
  );
}
