import "server-only";
import { and, eq, inArray, like, lte, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { prepared } from "@/db/prepared";
import { apiRateLimits } from "@/db/schema";
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

/** One more event in `key`'s fixed window: how many the window holds now, and when it ends. */
export interface WindowCount {
  count: number;
  resetSeconds: number;
}

/**
 * Counts one event against `key` in a fixed window of `windowSeconds`, in the database so that
 * every instance (serverless functions, several processes) shares it. A window starts with a
 * key's first event; one atomic upsert counts the event and says where the key stands.
 */
export async function countInWindow(key: string, windowSeconds: number): Promise<WindowCount> {
  let rows: { count: number; reset_ms: number }[];
  try {
    rows = await prepared(getDb(), "consume_rate_limit", buildConsume).execute({ key, seconds: windowSeconds });
  } catch (error) {
    throw databaseError(error);
  }
  const [row] = rows;
  return { count: row?.count ?? 0, resetSeconds: Math.max(1, Math.ceil((row?.reset_ms ?? 0) / 1000)) };
}

/** Ends `key`'s window: its next event starts a new one. */
export async function forgetWindow(key: string): Promise<void> {
  try {
    await getDb().delete(apiRateLimits).where(eq(apiRateLimits.key, key));
  } catch (error) {
    throw databaseError(error);
  }
}

/**
 * Deletes up to `batch` windows of keys starting with `prefix` that ended `windowSeconds` ago or
 * more: keys that come and go (one per email address tried) must not pile up. Amortised: callers
 * run it when they start a window, so the rows left over never outnumber those being created.
 */
export async function pruneEndedWindows(prefix: string, windowSeconds: number, batch: number): Promise<void> {
  const ended = getDb()
    .select({ key: apiRateLimits.key })
    .from(apiRateLimits)
    .where(
      and(
        like(apiRateLimits.key, `${prefix}%`),
        lte(apiRateLimits.windowStart, sql`clock_timestamp() - make_interval(secs => ${windowSeconds})`),
      ),
    )
    .limit(batch);
  try {
    await getDb().delete(apiRateLimits).where(inArray(apiRateLimits.key, ended));
  } catch (error) {
    throw databaseError(error);
  }
}

/**
 * The task API's per-user budget: `policy.requests` per window of `policy.windowSeconds`.
 * Past it, 429 RATE_LIMITED with Retry-After and the RateLimit headers.
 */
export async function consumeRateLimit(userId: string, policy: RateLimitPolicy = env.rateLimit): Promise<RateLimitState | undefined> {
  if (policy.requests === 0) return undefined;
  const { count, resetSeconds } = await countInWindow(`user:${userId}`, policy.windowSeconds);
  const state = { policy, remaining: Math.max(0, policy.requests - count), resetSeconds };
  if (count > policy.requests) {
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
