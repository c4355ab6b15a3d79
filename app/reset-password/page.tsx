import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

/** Reached from the emailed link: Better Auth checked it and sent `token`, or `error=INVALID_TOKEN`. */
export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const { token, error } = await searchParams;
  const usable = typeof token === "string" && token.length > 0 && token.length <= 200 && error === undefined;
  return (
    <AuthShell
      title="Choose a new password"
      lead={usable ? "Then you are signed in, and signed out everywhere else." : "This link cannot be used."}
      footer={
        <>
          Remembered it? <Link href="/sign-in">Sign in</Link>
        </>
      }
    >
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p role="alert">
          The link has expired or was used already. <Link href="/forgot-password">Ask for a new link</Link>.
        </p>
      )}
    </AuthShell>
  );
}
