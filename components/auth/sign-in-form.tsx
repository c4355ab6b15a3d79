"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { SignInInput } from "@/lib/auth-schema";
import { authClient } from "@/lib/auth-client";
import styles from "./auth.module.css";
import { goNext } from "./go-next";
import { useAuthForm } from "./use-auth-form";
import { VerifyEmailNotice } from "./verify-email-notice";

/**
 * Email and password; on success, back to where the visitor was going (`next`). With email on
 * the server it offers a password reset, and explains an unverified address (with a new link).
 */
export function SignInForm({ next, mail }: { next: string; mail: boolean }) {
  const router = useRouter();
  const form = useAuthForm({ email: "", password: "" });
  const [unverified, setUnverified] = useState("");

  return (
    <form
      className={styles.form}
      noValidate
      aria-label="Sign in"
      onSubmit={async (event) => {
        setUnverified("");
        const done = await form.submit(event, {
          schema: SignInInput,
          send: (input) => authClient.signIn.email(input),
          handleError: (error, { email }) => {
            if (error.code !== "EMAIL_NOT_VERIFIED") return false;
            setUnverified(email);
            return true;
          },
          leavesPage: true,
        });
        if (done) goNext(next, (href) => router.replace(href));
      }}
    >
      <TextField id="email" label="Email" type="email" autoComplete="email" value={form.values.email} onChange={form.set("email")} error={form.errors.email} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        value={form.values.password}
        onChange={form.set("password")}
        error={form.errors.password}
      />
      {mail && (
        <Link href="/forgot-password" className={styles.inlineLink}>
          Forgot password?
        </Link>
      )}
      <p className="form-error" role="alert">
        {form.formError}
      </p>
      {unverified && <VerifyEmailNotice email={unverified} />}
      <button type="submit" className={`button ${styles.submit}`} disabled={form.pending}>
        {form.pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
