import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { env } from "@/lib/env";
import { AppError, databaseError } from "@/lib/errors";

export interface RateLimitPolicy {
  /** Requests allowed per window; 0 turns the limit off. */
  requests: number;
  windowSeconds: number;
}

export interface RateLimitState {
  policy: RateLimitPolicy;
  remaining: number;
  resetSeconds: number;
}

/**
 * The task API's per-user budget, counted in the database so that every instance (serverless
 * functions, several processes) shares it. A window starts with a user's first request and
 * lasts `windowSeconds`; one atomic upsert counts the request and says where the user stands.
 */
export async function consumeRateLimit(userId: string, policy: RateLimitPolicy = env.rateLimit): Promise<RateLimitState | undefined> {
  if (policy.requests === 0) return undefined;
  const window = sql`make_interval(secs => ${policy.windowSeconds})`;
  let rows: { count: number; reset_ms: number }[];
  try {
    const result = await getDb().execute(sql`
      insert into api_rate_limits as current (key, window_start, count)
      values (${`user:${userId}`}, clock_timestamp(), 1)
      on conflict (key) do update set
        window_start = case when current.window_start + ${window} <= clock_timestamp() then clock_timestamp() else current.window_start end,
        count = case when current.window_start + ${window} <= clock_timestamp() then 1 else current.count + 1 end
      returning count, (extract(epoch from (window_start + ${window} - clock_timestamp())) * 1000)::int as reset_ms`);
    rows = (result as unknown as { rows: { count: number; reset_ms: number }[] }).rows;
  } catch (error) {
    throw databaseError(error);
  }
  const [row] = rows;
  const state = {
    policy,
    remaining: Math.max(0, policy.requests - (row?.count ?? 0)),
    resetSeconds: Math.max(1, Math.ceil((row?.reset_ms ?? 0) / 1000)),
  };
  if ((row?.count ?? 0) > policy.requests) {
    throw new AppError("RATE_LIMITED", `Too many requests: at most ${policy.requests} per ${policy.windowSeconds} s. Retry later.`, {
      headers: { "Retry-After": String(state.resetSeconds), ...rateLimitHeaders(state) },
    });
  }
  return state;
}

/** IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers): the policy and where the user stands. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "RateLimit-Policy": `"per-user";q=${state.policy.requests};w=${state.policy.windowSeconds}`,
    RateLimit: `"per-user";r=${state.remaining};t=${state.resetSeconds}`,
  };
}
