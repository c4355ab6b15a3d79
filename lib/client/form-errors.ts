import type { z } from "zod";

/** Messages to show next to form fields, by field name. */
export type FieldMessages = Partial<Record<string, string>>;

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldMessages };

/**
 * Checks form values with a Zod schema (the API's own, for tasks) and keeps the first message for
 * each top-level field, for showing next to that field.
 */
export function validateForm<S extends z.ZodType>(schema: S, values: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldMessages = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

export interface AuthFailure {
  status?: number;
  code?: string;
  message?: string;
  /** The envelope's field errors: the account rules the server checks before Better Auth. */
  errors?: { loc: (string | number)[]; msg: string }[];
}

const FIELDS = ["name", "email", "password"] as const;
// Account limits whose message says when to come back (minutes, not seconds).
const ACCOUNT_LIMITS = new Set(["TOO_MANY_FAILED_SIGN_INS", "TOO_MANY_SIGN_UPS"]);

/** Where a form shows a Better Auth error code: a field name, or a field with a message of its own. */
export type AuthErrorPlacement = Partial<Record<string, string | { field?: string; message: string }>>;

/**
 * Better Auth's errors, as a message and the field it belongs to (if any). `placement` says where
 * a form wants particular codes (the delete form's password, say). "Invalid email or password"
 * deliberately stays on the form: it must not say which one is wrong.
 */
export function describeAuthError(error: AuthFailure, placement: AuthErrorPlacement = {}): { field?: string; message: string } {
  if (error.status === 429) {
    if (error.message && ACCOUNT_LIMITS.has(error.code ?? "")) return { message: error.message };
    return { message: "Too many attempts. Please wait a few seconds and try again." };
  }
  if (!error.status) return { message: "Could not reach the server. Check your connection and try again." };
  const [first] = error.errors ?? [];
  const field = FIELDS.find((name) => name === first?.loc[1]);
  if (first && field) return { field, message: first.msg };
  const message = error.message || "Something went wrong. Please try again.";
  const code = error.code ?? "";
  const placed = placement[code];
  if (typeof placed === "string") return { field: placed, message };
  if (placed) return { ...(placed.field ? { field: placed.field } : {}), message: placed.message };
  if (code.startsWith("USER_ALREADY_EXISTS") || code === "INVALID_EMAIL") return { field: "email", message };
  if (code.startsWith("PASSWORD_TOO_")) return { field: "password", message };
  return { message };
}
