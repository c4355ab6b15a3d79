import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { prepared } from "@/db/prepared";
import { apiRateLimits } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError, withDatabaseErrors } from "@/lib/errors";

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

// A window that has ended starts afresh with this request.
function buildConsume(db: Database) {
  const window = sql`make_interval(secs => ${sql.placeholder("seconds")}::int)`;
  const ended = sql`${apiRateLimits.windowStart} + ${window} <= clock_timestamp()`;
  return db
    .insert(apiRateLimits)
    .values({ key: sql.placeholder("key"), windowStart: sql`clock_timestamp()`, count: 1 })
    .onConflictDoUpdate({
      target: apiRateLimits.key,
      set: {
        windowStart: sql`case when ${ended} then clock_timestamp() else ${apiRateLimits.windowStart} end`,
        count: sql`case when ${ended} then 1 else ${apiRateLimits.count} + 1 end`,
      },
    })
    .returning({
      count: apiRateLimits.count,
      reset_ms: sql<number>`(extract(epoch from (${apiRateLimits.windowStart} + ${window} - clock_timestamp())) * 1000)::int`.mapWith(Number),
    })
    .prepare("consume_rate_limit");
}

/**
 * The task API's per-user budget, counted in the database so that every instance (serverless
 * functions, several processes) shares it. A window starts with a user's first request and
 * lasts `windowSeconds`; one atomic upsert counts the request and says where the user stands.
 */
export async function consumeRateLimit(userId: string, policy: RateLimitPolicy = env.rateLimit): Promise<RateLimitState | undefined> {
  if (policy.requests === 0) return undefined;
  const rows = await withDatabaseErrors(() =>
    prepared(getDb(), "consume_rate_limit", buildConsume).execute({ key: `user:${userId}`, seconds: policy.windowSeconds }),
  );
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
