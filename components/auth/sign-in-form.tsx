"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { TextField } from "@/components/ui/text-field";
import { SignInInput } from "@/lib/auth-schema";
import { authClient } from "@/lib/auth-client";
import { describeAuthError, validateForm, type FieldMessages } from "@/lib/client/form-errors";
import styles from "./auth.module.css";
import { focusFirstInvalid } from "./focus-first-invalid";
import { goNext } from "./go-next";
import { VerifyEmailNotice } from "./verify-email-notice";

/**
 * Email and password; on success, back to where the visitor was going (`next`). With email on
 * the server it offers a password reset, and explains an unverified address (with a new link).
 */
export function SignInForm({ next, mail }: { next: string; mail: boolean }) {
  const router = useRouter();
  const [values, setValues] = useState({ email: "", password: "" });
  const [errors, setErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState("");
  const [unverified, setUnverified] = useState("");
  const [pending, setPending] = useState(false);

  const set = (field: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError("");
    setUnverified("");
    const checked = validateForm(SignInInput, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form, checked.errors);
      return;
    }
    setErrors({});
    setPending(true);
    const { error } = await authClient.signIn.email(checked.data).catch(() => ({ error: { status: 0, code: undefined } }));
    if (error) {
      setPending(false);
      if (error.code === "EMAIL_NOT_VERIFIED") return setUnverified(checked.data.email);
      const problem = describeAuthError(error);
      if (problem.field) setErrors({ [problem.field]: problem.message });
      else setFormError(problem.message);
      return;
    }
    goNext(next, (href) => router.replace(href));
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Sign in">
      <TextField id="email" label="Email" type="email" autoComplete="email" value={values.email} onChange={set("email")} error={errors.email} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        value={values.password}
        onChange={set("password")}
        error={errors.password}
      />
      {mail && (
        <Link href="/forgot-password" className={styles.inlineLink}>
          Forgot password?
        </Link>
      )}
      <p className="form-error" role="alert">
        {formError}
      </p>
      {unverified && <VerifyEmailNotice email={unverified} />}
      <button type="submit" className={`button ${styles.submit}`} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
