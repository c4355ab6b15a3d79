"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { TextField } from "@/components/ui/text-field";
import { SignInInput } from "@/lib/auth-schema";
import { authClient } from "@/lib/auth-client";
import { describeAuthError, validateForm, type FieldMessages } from "@/lib/client/form-errors";
import styles from "./auth.module.css";
import { focusFirstInvalid } from "./focus-first-invalid";
import { goNext } from "./go-next";

/** Email and password; on success, back to where the visitor was going (`next`). */
export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [values, setValues] = useState({ email: "", password: "" });
  const [errors, setErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState("");
  const [pending, setPending] = useState(false);

  const set = (field: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError("");
    const checked = validateForm(SignInInput, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form, checked.errors);
      return;
    }
    setErrors({});
    setPending(true);
    const { error } = await authClient.signIn.email(checked.data).catch(() => ({ error: { status: 0 } }));
    if (error) {
      const problem = describeAuthError(error);
      if (problem.field) setErrors({ [problem.field]: problem.message });
      else setFormError(problem.message);
      setPending(false);
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
      <p className="form-error" role="alert">
        {formError}
      </p>
      <button type="submit" className={`button ${styles.submit}`} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
