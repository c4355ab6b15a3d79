import { createHash, randomUUID } from "node:crypto";
import { eq, like, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { apiRateLimits } from "@/db/schema";
import { pruneEndedWindows } from "@/lib/api/rate-limit";
import { signInThrottle, signUpBudget } from "@/lib/auth-limits";
import { call, signUp } from "../support/api";

/**
 * Limits no client address can dodge: failed sign-ins per account, and new accounts per minute
 * for all clients together. Both are counted in the database, so every instance shares them.
 */

const signInKey = (email: string) => `signin-fail:${createHash("sha256").update(email.toLowerCase()).digest("hex")}`;

function signIn(email: string, password: string, forwardedFor = "203.0.113.1") {
  return call("POST", "/api/auth/sign-in/email", { body: { email, password }, headers: { "x-forwarded-for": forwardedFor } });
}

/** Moves an account's window into the past instead of waiting 15 minutes. */
async function endWindow(email: string) {
  await getDb()
    .update(apiRateLimits)
    .set({ windowStart: sql`${apiRateLimits.windowStart} - make_interval(secs => ${signInThrottle.windowSeconds})` })
    .where(eq(apiRateLimits.key, signInKey(email)));
}

describe("POST /api/auth/sign-in/email – password guessing", () => {
  it("30 wrong passwords for one account, each from a different X-Forwarded-For: 401 five times, then 429 RATE_LIMITED with Retry-After", async () => {
    const user = await signUp();
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 30; i += 1) {
      const response = await signIn(user.email, `wrong-password-${i}`, `198.18.${i}.${i + 1}`);
      statuses.push(response.status);
      limited ??= response.status === 429 ? response : undefined;
    }
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(25).fill(429)]);
    expect(limited!.body).toMatchObject({
      error_code: "RATE_LIMITED",
      code: "TOO_MANY_FAILED_SIGN_INS",
      detail: "Too many failed sign-ins for this account. Try again in 15 minutes.",
    });
    const retryAfter = Number(limited!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(signInThrottle.windowSeconds);
  });

  it("the owner is refused too while the window lasts (in any letter case), and signs in once it is over: never longer", async () => {
    const user = await signUp();
    for (let i = 0; i < 5; i += 1) expect((await signIn(user.email, "wrong-password")).status).toBe(401);
    expect((await signIn(user.email, user.password)).status).toBe(429);
    expect((await signIn(user.email.toUpperCase(), user.password)).status).toBe(429);
    await endWindow(user.email);
    expect((await signIn(user.email, user.password)).status).toBe(200);
  });

  it("a successful sign-in starts the count afresh", async () => {
    const user = await signUp();
    for (let i = 0; i < 4; i += 1) expect((await signIn(user.email, "wrong-password")).status).toBe(401);
    expect((await signIn(user.email, user.password)).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await signIn(user.email, "wrong-password")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("other accounts are not affected, and unknown addresses are counted alike (no hint which accounts exist)", async () => {
    const locked = await signUp();
    const other = await signUp();
    for (let i = 0; i < 6; i += 1) await signIn(locked.email, "wrong-password");
    expect((await signIn(other.email, other.password)).status).toBe(200);
    const nobody = `nobody-${randomUUID()}@example.com`;
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await signIn(nobody, "wrong-password")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("parallel guesses cannot slip past the count: of 12 at once, at most 5 are checked", async () => {
    const user = await signUp();
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(user.email, `wrong-${i}`).then((r) => r.status)));
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it("the table keeps no email address, and windows of addresses tried once are cleared when they are over", async () => {
    const email = `once-${randomUUID()}@example.com`;
    await signIn(email, "wrong-password");
    const rows = await getDb().select().from(apiRateLimits).where(eq(apiRateLimits.key, signInKey(email)));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(email);
    // Ended windows left by earlier runs go first, so that this one is among those the next sweep takes.
    await pruneEndedWindows("signin-fail:", signInThrottle.windowSeconds, 10_000);
    await endWindow(email);
    // Another address's first failure starts a window and clears ended ones.
    await signIn(`next-${randomUUID()}@example.com`, "wrong-password");
    expect(await getDb().select().from(apiRateLimits).where(eq(apiRateLimits.key, signInKey(email)))).toEqual([]);
  });
});

describe("pruneEndedWindows", () => {
  it("deletes at most `batch` ended windows of the prefix, never a live one or another prefix", async () => {
    const prefix = `prune-${randomUUID()}:`;
    const db = getDb();
    const ended = sql`now() - interval '2 hours'`;
    await db.insert(apiRateLimits).values([
      { key: `${prefix}a`, windowStart: ended, count: 1 },
      { key: `${prefix}b`, windowStart: ended, count: 1 },
      { key: `${prefix}c`, windowStart: ended, count: 1 },
      { key: `${prefix}live`, windowStart: sql`now()`, count: 1 },
      { key: `other-${prefix}`, windowStart: ended, count: 1 },
    ]);
    const left = async () =>
      (await db.select({ key: apiRateLimits.key }).from(apiRateLimits).where(like(apiRateLimits.key, `%${prefix}%`))).map((row) => row.key).sort();
    await pruneEndedWindows(prefix, 3600, 2);
    expect(await left()).toHaveLength(3);
    await pruneEndedWindows(prefix, 3600, 2);
    expect(await left()).toEqual([`${prefix}live`, `other-${prefix}`].sort());
    await db.delete(apiRateLimits).where(like(apiRateLimits.key, `%${prefix}%`));
  });
});

describe("POST /api/auth/sign-up/email – the global sign-up budget", () => {
  const configured = signUpBudget.perMinute;
  const budgetKey = eq(apiRateLimits.key, "signup:all");

  afterEach(async () => {
    signUpBudget.perMinute = configured;
    await getDb().delete(apiRateLimits).where(budgetKey);
  });

  it("429 RATE_LIMITED past SIGNUP_RATE_LIMIT_PER_MINUTE sign-ups within a minute, whatever the client's address", async () => {
    const existing = await signUp();
    await getDb().delete(apiRateLimits).where(budgetKey);
    signUpBudget.perMinute = 2;
    const statuses = [];
    let limited;
    for (let i = 0; i < 4; i += 1) {
      const response = await call("POST", "/api/auth/sign-up/email", {
        body: { name: "Burst", email: `burst-${randomUUID()}@example.com`, password: "correct-horse-battery" },
        headers: { "x-forwarded-for": `100.64.${i}.1` },
      });
      statuses.push(response.status);
      limited ??= response.status === 429 ? response : undefined;
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(limited!.body).toMatchObject({ error_code: "RATE_LIMITED", code: "TOO_MANY_SIGN_UPS" });
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited!.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Signing in is not account creation.
    expect((await signIn(existing.email, existing.password)).status).toBe(200);
  });

  it("0 turns the budget off", async () => {
    signUpBudget.perMinute = 0;
    for (let i = 0; i < 3; i += 1) await signUp();
    expect(await getDb().select().from(apiRateLimits).where(budgetKey)).toEqual([]);
  });
});
