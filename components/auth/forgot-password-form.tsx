"use client";

import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { authClient } from "@/lib/auth-client";
import { ForgotPasswordInput } from "@/lib/auth-schema";
import styles from "./auth.module.css";
import { useAuthForm } from "./use-auth-form";

/** The address to send a reset link to; the answer is the same whether or not it has an account. */
export function ForgotPasswordForm() {
  const form = useAuthForm({ email: "" });
  const [sentTo, setSentTo] = useState("");

  if (sentTo) {
    return (
      <div className={styles.notice} role="status">
        <h2>Check your inbox</h2>
        <p>
          If an account exists for <strong>{sentTo}</strong>, we have sent it a link to choose a new password. The link works once, within 30
          minutes.
        </p>
        <button type="button" className="button button-secondary" onClick={() => setSentTo("")}>
          Use another address
        </button>
      </div>
    );
  }

  return (
    <form
      className={styles.form}
      noValidate
      aria-label="Send a reset link"
      onSubmit={async (event) => {
        const sent = await form.submit(event, {
          schema: ForgotPasswordInput,
          send: ({ email }) => authClient.requestPasswordReset({ email, redirectTo: "/reset-password" }),
        });
        if (sent) setSentTo(form.values.email.trim());
      }}
    >
      <TextField id="email" label="Email" type="email" autoComplete="email" value={form.values.email} onChange={form.set("email")} error={form.errors.email} />
      <p className="form-error" role="alert">
        {form.formError}
      </p>
      <button type="submit" className={`button ${styles.submit}`} disabled={form.pending}>
        {form.pending ? "Sending…" : "Send reset link"}
      </button>
    </form>
  );
}
