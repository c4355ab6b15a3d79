import { z } from "zod";

/**
 * The account rules, shared by the Better Auth configuration (lib/auth.ts) and the sign-up and
 * sign-in forms, so the browser checks exactly what the server enforces. Client-safe.
 */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const Email = z.email("Enter an email address like name@example.com");

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1, "Enter your password"),
});

export const SignUpInput = z
  .object({
    name: z.string().trim().min(1, "Enter your name"),
    email: Email,
    password: z
      .string()
      .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
      .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`),
    confirm: z.string(),
  })
  .refine((input) => input.password === input.confirm, {
    path: ["confirm"],
    message: "Passwords do not match",
  });

export type SignInValues = z.infer<typeof SignInInput>;
export type SignUpValues = z.infer<typeof SignUpInput>;
