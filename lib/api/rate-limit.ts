import "server-only";
import { and, eq, inArray, like, lte, sql, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { prepared } from "@/db/prepared";
import { apiRateLimits, user } from "@/db/schema";
import { env } from "@/lib/env";
import { withDatabaseErrors } from "@/db/errors";
import { accountGone, AppError } from "@/lib/errors";

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
 * The fixed-window upsert: one more event for `key` (a window that has ended starts afresh with
 * this one), returning the window's count and when it ends. `source` is the row to insert when
 * the key has none.
 */
function windowUpsert(db: Database, source: SQL, name: string) {
  const window = sql`make_interval(secs => ${sql.placeholder("seconds")}::int)`;
  const ended = sql`${apiRateLimits.windowStart} + ${window} <= clock_timestamp()`;
  return db
    .insert(apiRateLimits)
    .select(source)
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
    .prepare(name);
}

const buildCountInWindow = (db: Database) => windowUpsert(db, sql`select ${sql.placeholder("key")}, clock_timestamp(), 1`, "count_in_window");

// The user's row comes from a select on the user (a primary-key lookup in the same statement): for
// a user who no longer exists nothing is counted and no row comes back, so a deleted account's
// still-valid token is refused at once without a round trip of its own (see accountGone).
const buildConsume = (db: Database) =>
  windowUpsert(db, sql`select ${sql.placeholder("key")}, clock_timestamp(), 1 from ${user} where ${user.id} = ${sql.placeholder("userId")}`, "consume_rate_limit");

const buildUserExists = (db: Database) =>
  db.select({ id: user.id }).from(user).where(eq(user.id, sql.placeholder("userId"))).prepare("user_exists");

/** One more event in `key`'s fixed window: how many the window holds now, and when it ends. */
export interface WindowCount {
  count: number;
  resetSeconds: number;
}

const resetSecondsOf = (resetMs: number | undefined) => Math.max(1, Math.ceil((resetMs ?? 0) / 1000));

/**
 * Counts one event against `key` in a fixed window of `windowSeconds`, in the database so that
 * every instance (serverless functions, several processes) shares it. A window starts with a
 * key's first event; one atomic upsert counts the event and says where the key stands.
 */
export async function countInWindow(key: string, windowSeconds: number): Promise<WindowCount> {
  const [row] = await withDatabaseErrors(() => prepared(getDb(), "count_in_window", buildCountInWindow).execute({ key, seconds: windowSeconds }));
  return { count: row?.count ?? 0, resetSeconds: resetSecondsOf(row?.reset_ms) };
}

/** Ends `key`'s window: its next event starts a new one. */
export async function forgetWindow(key: string): Promise<void> {
  await withDatabaseErrors(() => getDb().delete(apiRateLimits).where(eq(apiRateLimits.key, key)));
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
  await withDatabaseErrors(() => getDb().delete(apiRateLimits).where(inArray(apiRateLimits.key, ended)));
}

/**
 * The task API's per-user budget: `policy.requests` per window of `policy.windowSeconds`, past it
 * 429 RATE_LIMITED with Retry-After and the RateLimit headers. It also admits only users who
 * still exist (401 AUTH_INVALID otherwise); with the limit off, a primary-key lookup does that part.
 */
export async function consumeRateLimit(userId: string, policy: RateLimitPolicy = env.rateLimit): Promise<RateLimitState | undefined> {
  if (policy.requests === 0) {
    const found = await withDatabaseErrors(() => prepared(getDb(), "user_exists", buildUserExists).execute({ userId }));
    if (found.length === 0) throw accountGone();
    return undefined;
  }
  const [row] = await withDatabaseErrors(() =>
    prepared(getDb(), "consume_rate_limit", buildConsume).execute({ key: `user:${userId}`, userId, seconds: policy.windowSeconds }),
  );
  if (!row) throw accountGone();
  const state = { policy, remaining: Math.max(0, policy.requests - row.count), resetSeconds: resetSecondsOf(row.reset_ms) };
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
