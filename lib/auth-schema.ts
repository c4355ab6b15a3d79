import { z } from "zod";

/**
 * The account rules, shared by the Better Auth configuration (lib/auth.ts, lib/accounts/), the
 * server's check of every account request (lib/api/auth-request.ts) and the account forms
 * (sign-up, sign-in, password reset, settings), so the browser checks exactly what the server
 * enforces. Client-safe.
 */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 100;
/** The longest address SMTP can deliver to (RFC 5321's path limit). */
export const EMAIL_MAX = 254;
/** A profile image URL (the app shows none; Better Auth stores it). */
export const IMAGE_MAX = 2048;
/** What the person types to confirm that their account and tasks are to be deleted. */
export const DELETE_CONFIRMATION = "DELETE";

// C0 and C1 controls (NUL, line breaks, escape sequences): never part of a name, and NUL is
// refused by PostgreSQL itself.
const CONTROL_CHARACTER = /\p{Cc}/u;
const noControlCharacters = [
  (value: string) => !CONTROL_CHARACTER.test(value),
  "Name must not contain control characters (line breaks, tabs and the like)",
] as const;

const nameTooLong = `Name must be at most ${NAME_MAX} characters`;
const emailTooLong = `Email must be at most ${EMAIL_MAX} characters`;
const passwordTooLong = `Password must be at most ${PASSWORD_MAX} characters`;

const Email = z.email("Enter an email address like name@example.com").max(EMAIL_MAX, emailTooLong);

/** A person's name as the forms take it: trimmed, 1–100 characters, no control characters. */
export const Name = z
  .string({ error: "Name must be text" })
  .trim()
  .min(1, "Enter your name")
  .max(NAME_MAX, nameTooLong)
  .refine(...noControlCharacters);

const NewPassword = z
  .string()
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, passwordTooLong);

const matching = <T extends { password: string; confirm: string }>(input: T) => input.password === input.confirm;
const mismatch = { path: ["confirm"], message: "Passwords do not match" };

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX, passwordTooLong),
});

export const SignUpInput = z
  .object({
    name: Name,
    email: Email,
    password: NewPassword,
    confirm: z.string(),
  })
  .refine(matching, mismatch);

export const ForgotPasswordInput = z.object({ email: Email });

export const ResetPasswordInput = z.object({ password: NewPassword, confirm: z.string() }).refine(matching, mismatch);

export const ProfileInput = z.object({ name: Name });

export const ChangePasswordInput = z
  .object({
    current: z.string().min(1, "Enter your current password").max(PASSWORD_MAX, passwordTooLong),
    password: NewPassword,
    confirm: z.string(),
  })
  .refine(matching, mismatch);

export const ChangeEmailInput = z.object({ email: Email });

export const DeleteAccountInput = z.object({
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX, passwordTooLong),
  confirmation: z.literal(DELETE_CONFIRMATION, { error: `Type ${DELETE_CONFIRMATION} to confirm` }),
});

export type SignInValues = z.infer<typeof SignInInput>;
export type SignUpValues = z.infer<typeof SignUpInput>;

// A name as the server receives it (not trimmed: a blank one is refused, not made empty).
const StoredName = z
  .string()
  .max(NAME_MAX, nameTooLong)
  .refine((value) => value.trim().length > 0, "Enter your name")
  .refine(...noControlCharacters);
const LongestEmail = z.string().max(EMAIL_MAX, emailTooLong);
const LongestPassword = z.string().max(PASSWORD_MAX, passwordTooLong);

/**
 * The limits the server holds every account request body to before Better Auth reads it,
 * whichever endpoint it is for (sign-up, sign-in, changing a name, email or password). Better
 * Auth checks the rest (required fields, the email's format, the password's minimum).
 */
export const AccountFieldLimits = z.looseObject({
  name: StoredName.optional(),
  email: LongestEmail.optional(),
  newEmail: LongestEmail.optional(),
  password: LongestPassword.optional(),
  newPassword: LongestPassword.optional(),
  currentPassword: LongestPassword.optional(),
  image: z.string().max(IMAGE_MAX, `Image must be at most ${IMAGE_MAX} characters`).nullable().optional(),
});
