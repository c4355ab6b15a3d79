import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { prepared } from "@/db/prepared";
import { apiRateLimits, user } from "@/db/schema";
import { env } from "@/lib/env";
import { accountGone, AppError, databaseError } from "@/lib/errors";

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

// A window that has ended starts afresh with this request. The row comes from a select on the
// user (a primary-key lookup in the same statement): for a user who no longer exists nothing is
// counted and no row comes back, so a deleted account's still-valid token is refused at once
// without a round trip of its own (see accountGone).
function buildConsume(db: Database) {
  const window = sql`make_interval(secs => ${sql.placeholder("seconds")}::int)`;
  const ended = sql`${apiRateLimits.windowStart} + ${window} <= clock_timestamp()`;
  return db
    .insert(apiRateLimits)
    .select(sql`select ${sql.placeholder("key")}, clock_timestamp(), 1 from ${user} where ${user.id} = ${sql.placeholder("userId")}`)
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

const buildUserExists = (db: Database) =>
  db.select({ id: user.id }).from(user).where(eq(user.id, sql.placeholder("userId"))).prepare("user_exists");

async function query<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw databaseError(error);
  }
}

/**
 * The task API's per-user budget, counted in the database so that every instance (serverless
 * functions, several processes) shares it. A window starts with a user's first request and
 * lasts `windowSeconds`; one atomic upsert counts the request and says where the user stands.
 * It also admits only users who still exist (401 AUTH_INVALID otherwise); with the limit off, a
 * primary-key lookup does that part.
 */
export async function consumeRateLimit(userId: string, policy: RateLimitPolicy = env.rateLimit): Promise<RateLimitState | undefined> {
  if (policy.requests === 0) {
    const found = await query(() => prepared(getDb(), "user_exists", buildUserExists).execute({ userId }));
    if (found.length === 0) throw accountGone();
    return undefined;
  }
  const [row] = await query(() =>
    prepared(getDb(), "consume_rate_limit", buildConsume).execute({ key: `user:${userId}`, userId, seconds: policy.windowSeconds }),
  );
  if (!row) throw accountGone();
  const state = {
    policy,
    remaining: Math.max(0, policy.requests - row.count),
    resetSeconds: Math.max(1, Math.ceil(row.reset_ms / 1000)),
  };
  if (row.count > policy.requests) {
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
