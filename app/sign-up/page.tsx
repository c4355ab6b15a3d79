import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { afterAuthentication } from "@/lib/oauth/resume";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const { next, carry, connecting } = afterAuthentication(await searchParams);
  return (
    <AuthShell
      title="Create an account"
      lead={connecting ? "It takes a minute. Then connect your assistant." : "It takes a minute. Then add your first task."}
      footer={
        <>
          Already have an account? <Link href={`/sign-in?${carry}`}>Sign in</Link>
        </>
      }
    >
      <SignUpForm next={next} />
    </AuthShell>
  );
}
