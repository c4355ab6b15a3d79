"use client";

import { useState } from "react";
import styles from "./oauth.module.css";

/**
 * Allow / Deny: the answer goes to the OAuth provider with the authorization request it signed
 * (the page's query); it answers with where to go next, the assistant's redirect URI with a
 * code (or with access_denied), and the browser goes there.
 */
export function ConsentForm({ oauthQuery }: { oauthQuery: string }) {
  const [pending, setPending] = useState<"allow" | "deny" | null>(null);
  const [error, setError] = useState("");

  async function answer(accept: boolean) {
    setPending(accept ? "allow" : "deny");
    setError("");
    try {
      const response = await fetch("/api/auth/oauth2/consent", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ accept, oauth_query: oauthQuery }),
      });
      const body = (await response.json().catch(() => ({}))) as { url?: string };
      if (response.ok && body.url) {
        window.location.assign(body.url);
        return;
      }
      setError("This request has expired or is no longer valid. Go back to your assistant and connect again.");
    } catch {
      setError("Could not send your answer. Check your connection and try again.");
    }
    setPending(null);
  }

  return (
    <>
      <div className={styles.actions}>
        <button type="button" className="button" onClick={() => answer(true)} disabled={pending !== null}>
          {pending === "allow" ? "Allowing…" : "Allow"}
        </button>
        <button type="button" className="button button-secondary" onClick={() => answer(false)} disabled={pending !== null}>
          {pending === "deny" ? "Denying…" : "Deny"}
        </button>
      </div>
      <p className="form-error" role="alert">
        {error}
      </p>
    </>
  );
}
