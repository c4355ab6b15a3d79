"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { TextField } from "@/components/ui/text-field";
import { PASSWORD_MIN, SignUpInput } from "@/lib/auth-schema";
import { authClient } from "@/lib/auth-client";
import { describeAuthError, validateForm, type FieldMessages } from "@/lib/client/form-errors";
import styles from "./auth.module.css";
import { focusFirstInvalid } from "./focus-first-invalid";
import { goNext } from "./go-next";
import { VerifyEmailNotice } from "./verify-email-notice";

/**
 * Name, email, password and its confirmation; a new account is signed in straight away, or, when
 * the server requires verified addresses, told to open the link emailed to it.
 */
export function SignUpForm({ next }: { next: string }) {
  const router = useRouter();
  const [values, setValues] = useState({ name: "", email: "", password: "", confirm: "" });
  const [errors, setErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState("");
  const [pending, setPending] = useState(false);
  const [verifyFirst, setVerifyFirst] = useState("");

  const set = (field: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError("");
    const checked = validateForm(SignUpInput, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form, checked.errors);
      return;
    }
    setErrors({});
    setPending(true);
    const { name, email, password } = checked.data;
    const { data, error } = await authClient.signUp.email({ name, email, password, callbackURL: "/verified" }).catch(() => ({ data: null, error: { status: 0 } }));
    if (error) {
      const problem = describeAuthError(error);
      if (problem.field) {
        setErrors({ [problem.field]: problem.message });
        focusFirstInvalid(form, { [problem.field]: problem.message });
      } else setFormError(problem.message);
      setPending(false);
      return;
    }
    // No session token: the account exists, but its address must be confirmed first.
    if (data && data.token === null) return setVerifyFirst(email);
    goNext(next, (href) => router.replace(href));
  }

  if (verifyFirst) return <VerifyEmailNotice email={verifyFirst} afterSignUp />;

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Create account">
      <TextField id="name" label="Name" autoComplete="name" value={values.name} onChange={set("name")} error={errors.name} />
      <TextField id="email" label="Email" type="email" autoComplete="email" value={values.email} onChange={set("email")} error={errors.email} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        value={values.password}
        onChange={set("password")}
        error={errors.password}
      />
      <TextField
        id="confirm"
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        value={values.confirm}
        onChange={set("confirm")}
        error={errors.confirm}
      />
      <p className="form-error" role="alert">
        {formError}
      </p>
      <button type="submit" className={`button ${styles.submit}`} disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
