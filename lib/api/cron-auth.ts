import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * The cron routes' only authentication, as Vercel Cron sends it: `Authorization: Bearer
 * <CRON_SECRET>`. Without CRON_SECRET the routes are off: 404 NOT_FOUND, so they cannot be
 * called by anyone, and nothing says a secret would unlock them elsewhere.
 */
export function authorizeCron(request: Request): void {
  const secret = env.cronSecret;
  if (!secret) throw new AppError("NOT_FOUND", "Not found: scheduled jobs are off on this server (CRON_SECRET is not set).");
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) throw new AppError("AUTH_MISSING", "Authentication required: send Authorization: Bearer <CRON_SECRET>.");
  // Digests of equal length, compared in constant time: the secret's length leaks nothing either.
  if (!timingSafeEqual(digest(match[1]!), digest(secret))) throw new AppError("AUTH_INVALID", "Invalid cron secret.");
}
