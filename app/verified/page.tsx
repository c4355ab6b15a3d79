import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";

export const metadata: Metadata = { title: "Email address" };

const problems: Record<string, string> = {
  TOKEN_EXPIRED: "The link has expired.",
  USER_NOT_FOUND: "The link belongs to an account or address that no longer exists.",
};

/** Where the emailed verification links land (Better Auth adds `error` when one fails). */
export default async function VerifiedPage({ searchParams }: PageProps<"/verified">) {
  const { error, change } = await searchParams;
  const newAddress = change === "email";
  if (error !== undefined) {
    const problem = (typeof error === "string" && problems[error]) || "The link is not valid (it may have been used already).";
    return (
      <AuthShell title="This link cannot be used" lead={problem} footer={<Link href="/">Home</Link>}>
        <p>
          {newAddress ? (
            <>
              Ask for a new one in your <Link href="/settings">settings</Link>.
            </>
          ) : (
            <>
              <Link href="/sign-in">Sign in</Link> to get a new one sent to you.
            </>
          )}
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell
      title={newAddress ? "Your new address is confirmed" : "Your email address is verified"}
      lead={newAddress ? "Your account now uses it: sign in with it from now on." : "Thank you. You are signed in."}
      footer={<Link href="/">Home</Link>}
    >
      <Link href={newAddress ? "/settings" : "/tasks"} className="button">
        {newAddress ? "Back to settings" : "Go to your tasks"}
      </Link>
    </AuthShell>
  );
}
