"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";
import { ResetPasswordInput } from "@/lib/auth-schema";
import { DEFAULT_AFTER_SIGN_IN } from "@/lib/redirect-target";
import styles from "./auth.module.css";
import { NewPasswordFields } from "./new-password-fields";
import { useAuthForm } from "./use-auth-form";

/** The new password, twice; the reset signs the person in (lib/accounts/auth-options.ts). */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const form = useAuthForm({ password: "", confirm: "" });
  const [expired, setExpired] = useState(false);

  return (
    <form
      className={styles.form}
      noValidate
      aria-label="Choose a new password"
      onSubmit={async (event) => {
        const done = await form.submit(event, {
          schema: ResetPasswordInput,
          send: async ({ password }) => {
            const result = await authClient.resetPassword({ newPassword: password, token });
            setExpired(result.error?.code === "INVALID_TOKEN");
            return result;
          },
          placement: { INVALID_TOKEN: { message: "The link has expired or was used already." } },
          leavesPage: true,
        });
        if (done) router.replace(DEFAULT_AFTER_SIGN_IN);
      }}
    >
      <NewPasswordFields values={form.values} set={form.set} errors={form.errors} label="New password" />
      <p className="form-error" role="alert">
        {form.formError}
        {expired && (
          <>
            {" "}
            <Link href="/forgot-password">Ask for a new link</Link>.
          </>
        )}
      </p>
      <button type="submit" className={`button ${styles.submit}`} disabled={form.pending}>
        {form.pending ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
