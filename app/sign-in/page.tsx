import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignInForm } from "@/components/auth/sign-in-form";
import { mailEnabled } from "@/lib/mail/mailer";
import { afterAuthentication } from "@/lib/oauth/resume";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next, carry, connecting } = afterAuthentication(await searchParams);
  return (
    <AuthShell
      title="Sign in"
      lead={connecting ? "Sign in to connect an assistant to your tasks." : "Welcome back. Sign in to see your tasks."}
      footer={
        <>
          New here? <Link href={`/sign-up?${carry}`}>Create an account</Link>
        </>
      }
    >
      <SignInForm next={next} mail={mailEnabled} />
    </AuthShell>
  );
}
