"use client";

import { useState } from "react";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { TextField } from "@/components/ui/text-field";
import { authClient } from "@/lib/auth-client";
import { ChangeEmailInput } from "@/lib/auth-schema";
import { describeAuthError } from "@/lib/client/form-errors";
import styles from "./settings.module.css";

/** The address, whether it is verified, and a change that the new address must confirm. */
export function EmailSection({ email, verified, mail }: { email: string; verified: boolean; mail: boolean }) {
  const form = useAuthForm({ email: "" });
  const [sentTo, setSentTo] = useState("");
  const [verification, setVerification] = useState("");

  async function sendVerification() {
    setVerification("Sending…");
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL: "/verified" }).catch(() => ({ error: { status: 0 } }));
    setVerification(error ? describeAuthError(error).message : `A link is on its way to ${email}.`);
  }

  return (
    <section className={styles.section} aria-labelledby="email-heading">
      <h2 id="email-heading">Email address</h2>
      <p>
        <span className={styles.sessionDevice}>{email}</span>
        <span className={styles.badge}>{verified ? "Verified" : "Not verified"}</span>
      </p>
      {mail && !verified && (
        <div className={styles.actions}>
          <button type="button" className="button button-secondary" onClick={sendVerification} disabled={verification === "Sending…"}>
            Send verification link
          </button>
          <p role="status">{verification}</p>
        </div>
      )}
      {mail ? (
        <form
          className={styles.form}
          noValidate
          aria-label="Change your email address"
          onSubmit={async (event) => {
            setSentTo("");
            const sent = await form.submit(event, {
              schema: ChangeEmailInput,
              send: ({ email: newEmail }) => authClient.changeEmail({ newEmail, callbackURL: "/verified?change=email" }),
            });
            if (sent) {
              setSentTo(form.values.email.trim());
              form.setValues({ email: "" });
            }
          }}
        >
          <TextField id="new-email" name="email" label="New email address" type="email" autoComplete="email" value={form.values.email} onChange={form.set("email")} error={form.errors.email} />
          <p className="form-error" role="alert">
            {form.formError}
          </p>
          <div className={styles.actions}>
            <button type="submit" className="button" disabled={form.pending}>
              {form.pending ? "Sending…" : "Change email"}
            </button>
            <p role="status" className={styles.done}>
              {sentTo ? `We sent a link to ${sentTo}. Your address changes when you open it.` : ""}
            </p>
          </div>
        </form>
      ) : (
        <p className={styles.muted}>Changing the address needs email, which this server does not send.</p>
      )}
    </section>
  );
}
