"use client";

import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { describeAuthError, validateForm, type AuthErrorPlacement, type AuthFailure, type FieldMessages } from "@/lib/client/form-errors";
import { focusFirstInvalid } from "./focus-first-invalid";

/** What a Better Auth client call resolves to: an error, or nothing wrong. */
type AuthResult = { error?: AuthFailure | null };

interface Submission<S extends z.ZodType> {
  schema: S;
  /** The call to Better Auth with the checked values. */
  send: (data: z.output<S>) => Promise<AuthResult>;
  /** Where particular error codes are shown (see describeAuthError). */
  placement?: AuthErrorPlacement;
  /** An error the form shows its own way (true: handled, nothing else is shown). */
  handleError?: (error: AuthFailure, data: z.output<S>) => boolean;
  /** Success leads to another page: the form stays pending meanwhile, so it cannot be sent twice. */
  leavesPage?: boolean;
}

/**
 * The state every account form has: values, messages next to fields, one message for the form,
 * a pending flag. submit() checks the values with the form's schema (the server's own rules),
 * sends them, and puts the server's answer next to the field it names; it resolves to whether
 * it succeeded.
 */
export function useAuthForm<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState("");
  const [pending, setPending] = useState(false);

  const set = (field: keyof T) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  async function submit<S extends z.ZodType>(event: FormEvent<HTMLFormElement>, { schema, send, placement, handleError, leavesPage }: Submission<S>): Promise<boolean> {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError("");
    const checked = validateForm(schema, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form, checked.errors);
      return false;
    }
    setErrors({});
    setPending(true);
    const { error } = await send(checked.data).catch(() => ({ error: { status: 0 } }));
    if (!error) {
      if (!leavesPage) setPending(false);
      return true;
    }
    setPending(false);
    if (handleError?.(error, checked.data)) return false;
    const problem = describeAuthError(error, placement);
    if (problem.field) {
      setErrors({ [problem.field]: problem.message });
      focusFirstInvalid(form, { [problem.field]: problem.message });
    } else {
      setFormError(problem.message);
    }
    return false;
  }

  return { values, setValues, set, errors, formError, setFormError, pending, submit };
}
