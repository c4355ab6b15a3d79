"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth-client";
import { describeAuthError } from "@/lib/client/form-errors";
import styles from "./auth.module.css";

/** "Confirm your address first", with a button that sends a new link (Better Auth limits how often). */
export function VerifyEmailNotice({ email, afterSignUp = false }: { email: string; afterSignUp?: boolean }) {
  const [state, setState] = useState<{ status: "idle" | "sending" | "sent" | "failed"; message?: string }>({ status: "idle" });

  async function resend() {
    setState({ status: "sending" });
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL: "/verified" }).catch(() => ({ error: { status: 0 } }));
    setState(error ? { status: "failed", message: describeAuthError(error).message } : { status: "sent" });
  }

  return (
    <div className={styles.notice} role="status">
      <h2>{afterSignUp ? "Check your inbox" : "Confirm your email address first"}</h2>
      <p>
        {afterSignUp ? "We sent a link to " : "Open the link we sent to "}
        <strong>{email}</strong>
        {afterSignUp ? ". Open it to confirm your address; then you are signed in." : " to confirm it; then sign in."}
      </p>
      {state.status === "sent" && <p>A new link is on its way.</p>}
      {state.status === "failed" && <p className="field-error">{state.message}</p>}
      <button type="button" className="button button-secondary" onClick={resend} disabled={state.status === "sending"}>
        {state.status === "sending" ? "Sending…" : "Send a new link"}
      </button>
    </div>
  );
}
