import "server-only";
import { eq } from "drizzle-orm";
import { errors as joseErrors, importJWK, jwtVerify, type JWK, type JWTHeaderParameters } from "jose";
import { getDb } from "@/db/index";
import { jwks } from "@/db/schema";
import { AppError, databaseError } from "@/lib/errors";
import { jwtSettings } from "@/lib/jwt-settings";

/**
 * Verifies the API's Bearer tokens against the signing keys Better Auth keeps in the `jwks`
 * table: read straight from the database (never over HTTP from ourselves) and cached by `kid`.
 * A `kid` not yet cached is looked up once by primary key, so a rotated key works from its first
 * token, and a forged `kid` costs one indexed lookup, never a scan or a reload of every key.
 */

// Better Auth's jwt plugin keeps serving a rotated-out key for this long (its `gracePeriod`).
const ROTATION_GRACE_MS = 30 * 24 * 60 * 60 * 1000;
// A cached key is looked up again after this long, so a key removed from the table (or given an
// expiry) stops being trusted within minutes, without a restart.
const RECHECK_MS = 5 * 60 * 1000;

type VerificationKey = Awaited<ReturnType<typeof importJWK>>;
const keyCache = new Map<string, { key: VerificationKey; usableUntil: number; checkedAt: number }>();

/** Forgets the cached keys (tests use it to show that keys are re-read). */
export function clearKeyCache(): void {
  keyCache.clear();
}

function invalid(reason: string): AppError {
  return new AppError("AUTH_INVALID", `Invalid access token: ${reason}.`);
}

async function readKey(kid: string) {
  try {
    const [row] = await getDb()
      .select({ publicKey: jwks.publicKey, expiresAt: jwks.expiresAt })
      .from(jwks)
      .where(eq(jwks.id, kid));
    return row;
  } catch (error) {
    throw databaseError(error);
  }
}

async function keyFor(header: JWTHeaderParameters): Promise<VerificationKey> {
  // The header is attacker-controlled JSON: a kid must be a short string before it reaches SQL.
  const kid: unknown = header.kid;
  if (typeof kid !== "string" || kid.length === 0 || kid.length > 256) throw invalid("no usable key id");
  let entry = keyCache.get(kid);
  if (!entry || Date.now() - entry.checkedAt >= RECHECK_MS) {
    const row = await readKey(kid);
    if (!row) {
      keyCache.delete(kid);
      throw invalid("unknown signing key");
    }
    const key = entry?.key ?? (await importJWK(JSON.parse(row.publicKey) as JWK, jwtSettings.algorithm));
    const usableUntil = row.expiresAt ? row.expiresAt.getTime() + ROTATION_GRACE_MS : Infinity;
    entry = { key, usableUntil, checkedAt: Date.now() };
    keyCache.set(kid, entry);
  }
  if (entry.usableUntil < Date.now()) throw invalid("signing key retired");
  return entry.key;
}

function toAuthError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof joseErrors.JWTExpired) return invalid("expired");
  if (error instanceof joseErrors.JWTClaimValidationFailed) return invalid(`claim "${error.claim}" rejected`);
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return invalid("algorithm not allowed");
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return invalid("bad signature");
  return invalid("malformed");
}

/** Returns the user id (`sub`) of a valid token; throws AUTH_INVALID for anything else. */
export async function verifyAccessToken(token: string): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, keyFor, {
      algorithms: [jwtSettings.algorithm],
      issuer: jwtSettings.issuer,
      audience: jwtSettings.audience,
      requiredClaims: ["sub", "exp"],
    });
    // jose checks that `sub` is present, not what it is: the user id must be a non-empty string.
    if (typeof payload.sub !== "string" || payload.sub.length === 0) throw invalid("bad subject");
    return payload.sub;
  } catch (error) {
    throw toAuthError(error);
  }
}
