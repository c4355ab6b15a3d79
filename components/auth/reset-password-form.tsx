"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { authClient } from "@/lib/auth-client";
import { PASSWORD_MIN, ResetPasswordInput } from "@/lib/auth-schema";
import { DEFAULT_AFTER_SIGN_IN } from "@/lib/redirect-target";
import styles from "./auth.module.css";
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
      <TextField
        id="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        value={form.values.password}
        onChange={form.set("password")}
        error={form.errors.password}
      />
      <TextField
        id="confirm"
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        value={form.values.confirm}
        onChange={form.set("confirm")}
        error={form.errors.confirm}
      />
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
