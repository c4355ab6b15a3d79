import "server-only";
import { eq } from "drizzle-orm";
import { importJWK, type JWK } from "jose";
import { getDb } from "@/db/index";
import { jwks } from "@/db/schema";
import { withDatabaseErrors } from "@/db/errors";
import { jwtSettings } from "@/lib/jwt-settings";

/**
 * The public keys that verify access tokens, read straight from Better Auth's `jwks` table
 * (never over HTTP from ourselves) and cached by `kid`. A `kid` not yet cached is looked up once
 * by primary key, so a rotated key works from its first token. A token's header is the sender's
 * to choose, so kids the table does not hold cost no query when they come again, and made-up
 * kids cost at most a few queries a second however many there are.
 */

const RETIRED_KEY_GRACE_MS = jwtSettings.retiredKeyGraceSeconds * 1000;
// A cached key is looked up again after this long, so a key removed from the table (or given an
// expiry) stops being trusted within minutes, without a restart.
const RECHECK_MS = 5 * 60 * 1000;

type VerificationKey = Awaited<ReturnType<typeof importJWK>>;
export interface KeyEntry {
  key: VerificationKey;
  usableUntil: number;
  checkedAt: number;
}
const keys = new Map<string, KeyEntry>();

/**
 * Kids the table did not hold, remembered for `rememberMs` (Better Auth's kids are random, so
 * one that was unknown does not appear later); when `remembered` are held, the oldest goes.
 * Look-ups that find nothing are capped at `lookupsPerSecond`; past that, a kid not cached is
 * checked against the list of every kid in the table, read at most once a second, so a new key
 * is recognised within a second even while forged tokens pour in.
 */
export const unknownKids = { remembered: 1_000, rememberMs: 60_000, lookupsPerSecond: 10, size: () => unknown.size };
const unknown = new Map<string, number>();
let misses = { since: 0, count: 0 };
let kidList: { ids: Set<string>; readAt: number } | undefined;

/** Forgets every cached key and unknown kid. */
export function clearSigningKeys(): void {
  keys.clear();
  unknown.clear();
  misses = { since: 0, count: 0 };
  kidList = undefined;
}

/** A cached key may be used without a database look-up: checked recently and not retired. */
export function isCurrent(entry: KeyEntry, now: number): boolean {
  return now - entry.checkedAt < RECHECK_MS && entry.usableUntil >= now;
}

function rememberUnknown(kid: string, now: number): void {
  if (unknown.size >= unknownKids.remembered) unknown.delete(unknown.keys().next().value as string);
  unknown.set(kid, now + unknownKids.rememberMs);
  misses.count += 1;
}

/** Whether the table may hold `kid`, answered from memory where possible. */
async function mayExist(kid: string, now: number): Promise<boolean> {
  const until = unknown.get(kid);
  if (until !== undefined && until > now) return false;
  unknown.delete(kid);
  if (now - misses.since >= 1000) misses = { since: now, count: 0 };
  if (misses.count < unknownKids.lookupsPerSecond) return true;
  if (!kidList || now - kidList.readAt >= 1000) {
    const rows = await withDatabaseErrors(() => getDb().select({ id: jwks.id }).from(jwks));
    kidList = { ids: new Set(rows.map((row) => row.id)), readAt: now };
  }
  return kidList.ids.has(kid);
}

/** The key named `kid`, or undefined when the table holds none by that id. */
export async function signingKey(kid: string): Promise<KeyEntry | undefined> {
  const now = Date.now();
  const cached = keys.get(kid);
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached;
  if (!cached && !(await mayExist(kid, now))) return undefined;
  const [row] = await withDatabaseErrors(() =>
    getDb().select({ publicKey: jwks.publicKey, expiresAt: jwks.expiresAt }).from(jwks).where(eq(jwks.id, kid)),
  );
  if (!row) {
    keys.delete(kid);
    rememberUnknown(kid, now);
    return undefined;
  }
  const key = cached?.key ?? (await importJWK(JSON.parse(row.publicKey) as JWK, jwtSettings.algorithm));
  const entry = { key, usableUntil: row.expiresAt ? row.expiresAt.getTime() + RETIRED_KEY_GRACE_MS : Infinity, checkedAt: now };
  keys.set(kid, entry);
  return entry;
}
