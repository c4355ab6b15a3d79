"use client";

import { useState } from "react";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { TextField } from "@/components/ui/text-field";
import { authClient } from "@/lib/auth-client";
import { ChangePasswordInput } from "@/lib/auth-schema";
import styles from "./settings.module.css";

/** Current password, new one twice; every other session ends (this one is renewed). */
export function PasswordSection({ onOtherSessionsEnded }: { onOtherSessionsEnded: (renewedSessionId?: string) => void }) {
  const form = useAuthForm({ current: "", password: "", confirm: "" });
  const [changed, setChanged] = useState(false);

  return (
    <section className={styles.section} aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <p className={styles.muted}>Changing it signs you out on every other device.</p>
      <form
        className={styles.form}
        noValidate
        aria-label="Change your password"
        onSubmit={async (event) => {
          setChanged(false);
          const done = await form.submit(event, {
            schema: ChangePasswordInput,
            send: ({ current, password }) => authClient.changePassword({ currentPassword: current, newPassword: password, revokeOtherSessions: true }),
            placement: { INVALID_PASSWORD: { field: "current", message: "That is not your current password." } },
          });
          if (done) {
            setChanged(true);
            form.setValues({ current: "", password: "", confirm: "" });
            const { data } = await authClient.getSession().catch(() => ({ data: null }));
            onOtherSessionsEnded(data?.session.id);
          }
        }}
      >
        <TextField id="current-password" name="current" label="Current password" type="password" autoComplete="current-password" value={form.values.current} onChange={form.set("current")} error={form.errors.current} />
        <NewPasswordFields values={form.values} set={form.set} errors={form.errors} label="New password" ids={{ password: "new-password", confirm: "confirm-password" }} />
        <p className="form-error" role="alert">
          {form.formError}
        </p>
        <div className={styles.actions}>
          <button type="submit" className="button" disabled={form.pending}>
            {form.pending ? "Changing…" : "Change password"}
          </button>
          <p role="status" className={styles.done}>
            {changed ? "Password changed. Every other session is signed out." : ""}
          </p>
        </div>
      </form>
    </section>
  );
}
