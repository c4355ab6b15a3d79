import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";

export const metadata: Metadata = { title: "Account deleted" };

export default function AccountDeletedPage() {
  return (
    <AuthShell
      title="Your account is deleted"
      lead="Your tasks, sessions and everything else of your account are gone. Thank you for using todo-next."
      footer={
        <>
          Changed your mind? <Link href="/sign-up">Create a new account</Link>
        </>
      }
    >
      <Link href="/" className="button button-secondary">
        Home
      </Link>
    </AuthShell>
  );
}
