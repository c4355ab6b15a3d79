import "server-only";
import { createHash } from "node:crypto";
import { APIError, isAPIError } from "better-auth/api";
import type { AuthHooks } from "@/lib/auth-hooks";
import { countInWindow, forgetWindow, pruneEndedWindows } from "@/lib/api/rate-limit";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * Limits on accounts that no client address can dodge, counted in the database (the
 * `api_rate_limits` windows) so that every instance shares them:
 * - password guessing: at most `failures` unsuccessful sign-ins per email address per window,
 *   whoever sends them; a successful sign-in starts afresh. The window is fixed, so the owner is
 *   never refused for longer than it lasts.
 * - account creation: at most `perMinute` sign-ups a minute, all clients together (0: off).
 * Better Auth's per-address limits (lib/auth.ts) come on top of these.
 */
export const signInThrottle = { failures: 5, windowSeconds: 15 * 60 };
export const signUpBudget = { perMinute: env.signUpRateLimitPerMinute };

const SIGN_IN = "/sign-in/email";
const SIGN_UP = "/sign-up/email";
const SIGN_IN_KEYS = "signin-fail:";

// Hashed: the table holds no email address, and every key has the same short length.
function signInKey(email: string): string {
  return SIGN_IN_KEYS + createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

function emailOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email : undefined;
}

/** Better Auth's own 429 shape; lib/api/auth-errors.ts adds the envelope and Retry-After. */
function tooMany(code: string, message: string, retryAfterSeconds: number): APIError {
  return new APIError("TOO_MANY_REQUESTS", { code, message }, { "X-Retry-After": String(retryAfterSeconds) });
}

function minutes(seconds: number): string {
  const count = Math.ceil(seconds / 60);
  return count === 1 ? "1 minute" : `${count} minutes`;
}

// Every attempt is counted before the password is checked (so parallel guesses cannot all slip
// in before the first failure is recorded); a success forgets them.
async function countSignInAttempt(email: string): Promise<void> {
  const { count, resetSeconds } = await countInWindow(signInKey(email), signInThrottle.windowSeconds);
  if (count === 1) {
    // A new window: clear a few that ended, so addresses tried once do not pile up.
    await pruneEndedWindows(SIGN_IN_KEYS, signInThrottle.windowSeconds, 20).catch((error: unknown) =>
      logger.warn({ err: String(error) }, "pruning sign-in windows failed"),
    );
  }
  if (count > signInThrottle.failures) {
    throw tooMany(
      "TOO_MANY_FAILED_SIGN_INS",
      `Too many failed sign-ins for this account. Try again in ${minutes(resetSeconds)}.`,
      resetSeconds,
    );
  }
}

async function countSignUp(): Promise<void> {
  if (signUpBudget.perMinute === 0) return;
  const { count, resetSeconds } = await countInWindow("signup:all", 60);
  if (count > signUpBudget.perMinute) {
    throw tooMany("TOO_MANY_SIGN_UPS", "Too many new accounts are being created right now. Try again in a minute.", resetSeconds);
  }
}

export const accountLimitHooks: AuthHooks = {
  before: async (ctx) => {
    if (ctx.path === SIGN_UP) await countSignUp();
    const email = ctx.path === SIGN_IN ? emailOf(ctx.body) : undefined;
    if (email !== undefined) await countSignInAttempt(email);
    return undefined;
  },
  after: async (ctx) => {
    const email = ctx.path === SIGN_IN ? emailOf(ctx.body) : undefined;
    if (email === undefined || isAPIError(ctx.context.returned)) return;
    // Signed in: the session exists whatever happens here, so a failure only leaves the count.
    await forgetWindow(signInKey(email)).catch((error: unknown) => logger.warn({ err: String(error) }, "resetting sign-in failures failed"));
    return undefined;
  },
};
