"use client";

import { useAuthForm } from "@/components/auth/use-auth-form";
import { TextField } from "@/components/ui/text-field";
import { authClient } from "@/lib/auth-client";
import { DELETE_CONFIRMATION, DeleteAccountInput } from "@/lib/auth-schema";
import styles from "./settings.module.css";

/** Deleting the account: the password and a typed confirmation, then everything is gone. */
export function DeleteSection() {
  const form = useAuthForm({ password: "", confirmation: "" });

  return (
    <section className={`${styles.section} ${styles.danger}`} aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete account</h2>
      <p>This deletes your account and all your tasks at once, everywhere. It cannot be undone: export your tasks first if you want to keep them.</p>
      <form
        className={styles.form}
        noValidate
        aria-label="Delete your account"
        onSubmit={async (event) => {
          const deleted = await form.submit(event, {
            schema: DeleteAccountInput,
            send: ({ password }) => authClient.deleteUser({ password }),
            placement: { INVALID_PASSWORD: { field: "password", message: "That is not your password." } },
          });
          // A full page load: nothing of the account stays in this tab's memory.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          if (deleted) window.location.assign("/account-deleted");
        }}
      >
        <TextField id="delete-password" name="password" label="Your password" type="password" autoComplete="current-password" value={form.values.password} onChange={form.set("password")} error={form.errors.password} />
        <TextField
          id="delete-confirmation"
          name="confirmation"
          label={`Type ${DELETE_CONFIRMATION} to confirm`}
          autoComplete="off"
          value={form.values.confirmation}
          onChange={form.set("confirmation")}
          error={form.errors.confirmation}
        />
        <p className="form-error" role="alert">
          {form.formError}
        </p>
        <div className={styles.actions}>
          <button type="submit" className="button button-danger" disabled={form.pending}>
            {form.pending ? "Deleting…" : "Delete my account"}
          </button>
        </div>
      </form>
    </section>
  );
}
