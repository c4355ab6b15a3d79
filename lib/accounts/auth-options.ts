import "server-only";
import { createHash } from "node:crypto";
import type { BetterAuthOptions, User } from "better-auth";
import { APIError } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import { eq } from "drizzle-orm";
import { decodeJwt } from "jose";
import { getDb } from "@/db/index";
import { verification } from "@/db/schema";
import { deleteAccountData } from "@/lib/accounts/delete-account";
import { takeMailBudget } from "@/lib/accounts/mail-budget";
import type { AuthHooks } from "@/lib/auth-hooks";
import { inBackground, sendMail } from "@/lib/mail/mailer";
import { changeEmailMessage, passwordResetMessage, verifyEmailMessage } from "@/lib/mail/messages";

/**
 * What Better Auth needs for the account flows: its own password reset, email verification,
 * email change and account deletion, fed by the mail module, plus the few rules of this app that
 * Better Auth leaves open (hooks below). Without email (production without SMTP_URL) the flows
 * that need it are not configured at all, so their endpoints refuse and the pages hide them.
 */

/** A reset link works once, for this long. */
export const RESET_LINK_SECONDS = 30 * 60;
/** A verification link (sign-up, new address) works for this long. */
export const VERIFY_LINK_SECONDS = 60 * 60;

/** Mail budgets count per recipient address; only a digest of it is stored. */
const addressKey = (address: string) => createHash("sha256").update(address.trim().toLowerCase()).digest("base64url");

async function sendResetPassword({ user, url, token }: { user: User; url: string; token: string }) {
  // Better Auth awaits this: returning at once keeps a known address as fast as an unknown one.
  inBackground("reset-password", async () => {
    if (!(await takeMailBudget(`reset-password:${addressKey(user.email)}`, user.id))) {
      // Over the budget: the link is never sent, so its token must not stay usable either.
      await getDb().delete(verification).where(eq(verification.identifier, `reset-password:${token}`));
      return;
    }
    await sendMail(passwordResetMessage({ to: user.email, name: user.name, url, validSeconds: RESET_LINK_SECONDS }));
  });
}

async function sendVerificationEmail({ user, url, token }: { user: User; url: string; token: string }) {
  // A change of address names the new one in `updateTo` (and `user.email` is already the new one).
  const changing = typeof decodeJwt(token).updateTo === "string";
  const kind = changing ? "change-email" : "verify-email";
  inBackground(kind, async () => {
    if (!(await takeMailBudget(`${kind}:${addressKey(user.email)}`, user.id))) return;
    const compose = changing ? changeEmailMessage : verifyEmailMessage;
    await sendMail(compose({ to: user.email, name: user.name, url, validSeconds: VERIFY_LINK_SECONDS }));
  });
}

/** Users whose password was just reset, by request, for the after hook that signs them in. */
const resetBy = new WeakMap<Request, string>();

const invalid = (message: string, code: string) => new APIError("BAD_REQUEST", { message, code });

/**
 * The name as it is to be stored: trimmed. Its rules (lib/auth-schema.ts) were checked before
 * Better Auth read the request (lib/api/auth-request.ts), the image's length too.
 */
function trimmedName(body: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return typeof body?.name === "string" ? { ...body, name: body.name.trim() } : body;
}

/** PostgreSQL text cannot hold U+0000: such input is refused here rather than failing in a query. */
function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (value === null || typeof value !== "object" || depth > 5) return false;
  return Object.values(value).some((item) => containsNul(item, depth + 1));
}

/** The account flows' rules around Better Auth's endpoints (lib/auth.ts runs them with the others). */
export const accountFlowHooks: AuthHooks = {
  before: async (ctx) => {
    if ([ctx.body, ctx.query, ctx.params].some((part) => containsNul(part))) {
      throw invalid("Text must not contain NUL characters.", "INVALID_INPUT");
    }
    const body = ctx.body as Record<string, unknown> | undefined;
    // Better Auth deletes a "fresh" session's account without a password; this app always asks.
    if (ctx.path === "/delete-user" && (typeof body?.password !== "string" || body.password === "")) {
      throw invalid("Enter your password to delete your account.", "PASSWORD_REQUIRED");
    }
    if (ctx.path === "/sign-up/email" || ctx.path === "/update-user") return { context: { body: trimmedName(body) } };
    return undefined;
  },

  // A reset proves the person reads the account's mailbox: they are signed in (a new session, every
  // other one already ended by revokeSessionsOnPasswordReset) and their address counts as verified.
  after: async (ctx) => {
    const request = ctx.path === "/reset-password" ? ctx.request : undefined;
    const userId = request && resetBy.get(request);
    if (!request || !userId || ctx.context.returned instanceof APIError) return undefined;
    resetBy.delete(request);
    const user = await ctx.context.internalAdapter.updateUser(userId, { emailVerified: true });
    const session = await ctx.context.internalAdapter.createSession(userId);
    if (user && session) await setSessionCookie(ctx, { session, user });
    return undefined;
  },
};

export function accountOptions({ mail, requireEmailVerification }: { mail: boolean; requireEmailVerification: boolean }) {
  return {
    emailAndPassword: {
      enabled: true,
      requireEmailVerification,
      ...(mail ? { sendResetPassword } : {}),
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: async ({ user }: { user: User }, request?: Request) => {
        if (request) resetBy.set(request, user.id);
      },
    },
    emailVerification: mail
      ? { sendVerificationEmail, sendOnSignUp: requireEmailVerification, autoSignInAfterVerification: true, expiresIn: VERIFY_LINK_SECONDS }
      : undefined,
    user: {
      // The new address is confirmed by a link sent to it before the account uses it.
      changeEmail: { enabled: mail },
      // After Better Auth has checked the password: one transaction removes the user and all that
      // is theirs; Better Auth's own row-by-row deletion that follows finds nothing left.
      deleteUser: { enabled: true, beforeDelete: async (user: User) => deleteAccountData(user.id) },
    },
    // Sessions need not be "fresh" to list them: the settings page shows them whenever it is
    // opened. Deleting an account always takes the password instead (the before hook).
    session: { freshAge: 0 },
  } satisfies Partial<BetterAuthOptions>;
}
