"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { SignUpInput } from "@/lib/auth-schema";
import { authClient } from "@/lib/auth-client";
import styles from "./auth.module.css";
import { goNext } from "./go-next";
import { NewPasswordFields } from "./new-password-fields";
import { useAuthForm } from "./use-auth-form";
import { VerifyEmailNotice } from "./verify-email-notice";

/**
 * Name, email, password and its confirmation; a new account is signed in straight away, or, when
 * the server requires verified addresses, told to open the link emailed to it.
 */
export function SignUpForm({ next }: { next: string }) {
  const router = useRouter();
  const form = useAuthForm({ name: "", email: "", password: "", confirm: "" });
  const [verifyFirst, setVerifyFirst] = useState("");

  if (verifyFirst) return <VerifyEmailNotice email={verifyFirst} afterSignUp />;

  return (
    <form
      className={styles.form}
      noValidate
      aria-label="Create account"
      onSubmit={async (event) => {
        let confirmFirst: string | undefined;
        const done = await form.submit(event, {
          schema: SignUpInput,
          send: async ({ name, email, password }) => {
            const result = await authClient.signUp.email({ name, email, password, callbackURL: "/verified" });
            // No session token: the account exists, but its address must be confirmed first.
            if (result.data && result.data.token === null) confirmFirst = email;
            return result;
          },
          leavesPage: true,
        });
        if (!done) return;
        if (confirmFirst) setVerifyFirst(confirmFirst);
        else goNext(next, (href) => router.replace(href));
      }}
    >
      <TextField id="name" label="Name" autoComplete="name" value={form.values.name} onChange={form.set("name")} error={form.errors.name} />
      <TextField id="email" label="Email" type="email" autoComplete="email" value={form.values.email} onChange={form.set("email")} error={form.errors.email} />
      <NewPasswordFields values={form.values} set={form.set} errors={form.errors} label="Password" />
      <p className="form-error" role="alert">
        {form.formError}
      </p>
      <button type="submit" className={`button ${styles.submit}`} disabled={form.pending}>
        {form.pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
