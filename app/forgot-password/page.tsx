import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthShell } from "@/components/auth/auth-shell";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { mailEnabled } from "@/lib/mail/mailer";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage() {
  // Whether email can be sent is configuration of the running server, not of the build.
  await connection();
  return (
    <AuthShell
      title="Forgot your password?"
      lead={mailEnabled ? "Enter your email address and we will send you a link to choose a new one." : "Password reset by email is not available on this server."}
      footer={
        <>
          Remembered it? <Link href="/sign-in">Sign in</Link>
        </>
      }
    >
      {mailEnabled ? <ForgotPasswordForm /> : <p>Ask the person who runs this server to set up email (SMTP_URL), or to help you get back in.</p>}
    </AuthShell>
  );
}
