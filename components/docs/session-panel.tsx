"use client";

import { useState, type FormEvent } from "react";
import styles from "./docs.module.css";

export interface SessionUser {
  id: string;
  email: string;
}

interface SessionPanelProps {
  user: SessionUser | null | undefined;
  tokenNote: string | null;
  busy: boolean;
  onSignedIn: () => void;
  onUseToken: () => void;
  onSignOut: () => void;
}

async function errorDetail(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { detail?: string; message?: string } | null;
  return body?.detail ?? body?.message ?? `Request failed (${response.status}).`;
}

/**
 * Sign-in (or sign-up) for /docs with Better Auth's endpoints, and the one-click "Use my token".
 * The session is Better Auth's cookie; the access token goes only into Swagger UI's memory.
 */
export function SessionPanel({ user, tokenNote, busy, onSignedIn, onUseToken, onSignOut }: SessionPanelProps) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const signUp = submitter?.value === "sign-up";
    setPending(true);
    setError(null);
    try {
      const response = await fetch(signUp ? "/api/auth/sign-up/email" : "/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(signUp ? { name: email.split("@")[0] || email, email, password } : { email, password }),
      });
      if (!response.ok) return setError(await errorDetail(response));
      onSignedIn();
    } finally {
      setPending(false);
    }
  }

  if (user === undefined) return <section className={styles.panel} aria-busy="true">Checking your session…</section>;

  if (user === null) {
    return (
      <section className={styles.panel} aria-label="Sign in">
        <form className={styles.form} onSubmit={submit}>
          <span>Sign in to try the task endpoints:</span>
          <label>
            Email <input name="email" type="email" autoComplete="username" required />
          </label>
          <label>
            Password <input name="password" type="password" autoComplete="current-password" minLength={8} required />
          </label>
          <button type="submit" value="sign-in" disabled={pending}>
            Sign in
          </button>
          <button type="submit" value="sign-up" disabled={pending}>
            Create account
          </button>
        </form>
        {error && <p role="alert" className={styles.error}>{error}</p>}
      </section>
    );
  }

  return (
    <section className={styles.panel} aria-label="Access token">
      <span>
        Signed in as <strong>{user.email}</strong> · user id <code>{user.id}</code>
      </span>
      <button type="button" onClick={onUseToken} disabled={busy}>
        Use my token
      </button>
      <button type="button" onClick={onSignOut} disabled={busy}>
        Sign out
      </button>
      <p role="status" className={styles.note}>
        {tokenNote ?? "“Use my token” puts a fresh access token into Swagger UI (kept in this page only, never stored)."}
      </p>
    </section>
  );
}
