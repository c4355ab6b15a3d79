import { z } from "zod";

/**
 * The account rules, shared by the Better Auth configuration (lib/auth.ts, lib/accounts/) and the
 * account forms (sign-up, sign-in, password reset, settings), so the browser checks exactly what
 * the server enforces. Client-safe.
 */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 100;
/** What the person types to confirm that their account and tasks are to be deleted. */
export const DELETE_CONFIRMATION = "DELETE";

const Email = z.email("Enter an email address like name@example.com");

export const Name = z
  .string({ error: "Name must be text" })
  .trim()
  .min(1, "Enter your name")
  .max(NAME_MAX, `Name must be at most ${NAME_MAX} characters`)
  // PostgreSQL text cannot hold U+0000; other control characters have no place in a name.
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "Name must not contain control characters");

const NewPassword = z
  .string()
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`);

const matching = <T extends { password: string; confirm: string }>(input: T) => input.password === input.confirm;
const mismatch = { path: ["confirm"], message: "Passwords do not match" };

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1, "Enter your password"),
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
    current: z.string().min(1, "Enter your current password"),
    password: NewPassword,
    confirm: z.string(),
  })
  .refine(matching, mismatch);

export const ChangeEmailInput = z.object({ email: Email });

export const DeleteAccountInput = z.object({
  password: z.string().min(1, "Enter your password"),
  confirmation: z.literal(DELETE_CONFIRMATION, { error: `Type ${DELETE_CONFIRMATION} to confirm` }),
});

export type SignInValues = z.infer<typeof SignInInput>;
export type SignUpValues = z.infer<typeof SignUpInput>;
