import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignInForm } from "@/components/auth/sign-in-form";
import { mailEnabled } from "@/lib/mail/mailer";
import { safeRedirectTarget } from "@/lib/redirect-target";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const next = safeRedirectTarget((await searchParams).next);
  return (
    <AuthShell
      title="Sign in"
      lead="Welcome back. Sign in to see your tasks."
      footer={
        <>
          New here? <Link href={`/sign-up?${new URLSearchParams({ next })}`}>Create an account</Link>
        </>
      }
    >
      <SignInForm next={next} mail={mailEnabled} />
    </AuthShell>
  );
}
