import type { Env } from "@/lib/env";

/**
 * Where Better Auth's per-address limits find the client's address (its
 * `advanced.ipAddress` options). Only a header that something trustworthy wrote counts:
 * - on Vercel, X-Forwarded-For: Vercel's edge replaces whatever the client sent with the
 *   address it saw;
 * - behind the proxies listed in TRUSTED_PROXIES, X-Forwarded-For read right to left, past them.
 * Anywhere else the header holds what the client chose to send (a server reached directly lets
 * every request name its own address), so no header is read: all requests share one bucket.
 * Limits that matter whatever the address live in lib/auth-limits.ts.
 */
export function clientAddressOptions(env: Pick<Env, "onVercel" | "trustedProxies">) {
  const trusted = env.onVercel || env.trustedProxies.length > 0;
  return { ipAddressHeaders: trusted ? ["x-forwarded-for"] : [], trustedProxies: env.trustedProxies };
}
