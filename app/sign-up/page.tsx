import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeRedirectTarget } from "@/lib/redirect-target";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const next = safeRedirectTarget((await searchParams).next);
  return (
    <AuthShell
      title="Create an account"
      lead="It takes a minute. Then add your first task."
      footer={
        <>
          Already have an account? <Link href={`/sign-in?${new URLSearchParams({ next })}`}>Sign in</Link>
        </>
      }
    >
      <SignUpForm next={next} />
    </AuthShell>
  );
}
