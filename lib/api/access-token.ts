import "server-only";
import { errors as joseErrors, jwtVerify, type JWTHeaderParameters, type JWTPayload } from "jose";
import { clearSigningKeys, isCurrent, signingKey, type KeyEntry } from "@/lib/api/signing-keys";
import { AppError } from "@/lib/errors";
import { jwtSettings } from "@/lib/jwt-settings";

/**
 * Verifies the Bearer tokens of the REST API and of the MCP endpoint (the same issuer and keys,
 * each its own audience) against the signing keys Better Auth keeps in the `jwks` table
 * (lib/api/signing-keys.ts). A retired key (its `expires_at` set) still verifies the
 * tokens it signed while they can still be alive (JWT_TTL_SECONDS + a minute), no longer.
 */

/**
 * Tokens that passed every check, so the next request with the same token (a client sends one
 * token for its whole lifetime) skips the signature check: under load that check (jose's async
 * WebCrypto path) was the costliest step of a task request. A remembered token is exactly the
 * bytes that were verified for the same audience, so algorithm, signature and every claim (iss,
 * aud, sub, …) cannot have changed; what can change is checked on every use: `exp` against the
 * clock, and the key entry that verified it, which must be within its 5-minute re-check interval
 * and not retired (a key is only ever re-read, replaced or dropped once its entry is past that
 * interval, so a remembered token never outlives a key's removal by more than the key cache
 * itself does; clearKeyCache() forgets both). Tokens with `nbf` are never remembered (Better Auth
 * sets none), so no time-dependent claim goes unchecked.
 */
interface VerifiedToken {
  claims: VerifiedClaims;
  audience: string;
  entry: KeyEntry;
}

/** The claims of a verified token; `sub` and `exp` are always there. */
export type VerifiedClaims = JWTPayload & { sub: string; exp: number };
const verifiedTokens = new Map<string, VerifiedToken>();
/** Bounds the memory a burst of distinct tokens can take; when full, it starts over. */
export const verifiedTokenCache = { limit: 10_000, size: () => verifiedTokens.size };

/** Forgets the cached keys and verified tokens (tests use it to show that keys are re-read). */
export function clearKeyCache(): void {
  clearSigningKeys();
  verifiedTokens.clear();
}

function rememberedClaims(token: string, audience: string): VerifiedClaims | undefined {
  const remembered = verifiedTokens.get(token);
  // Verified for another audience: verify again (and fail on `aud`); the entry stays for its own.
  if (!remembered || remembered.audience !== audience) return undefined;
  const now = Date.now();
  // jose's rule: a token is expired once `exp` <= now (whole seconds, no clock tolerance).
  if (remembered.claims.exp > Math.floor(now / 1000) && isCurrent(remembered.entry, now)) return remembered.claims;
  verifiedTokens.delete(token);
  return undefined;
}

function invalid(reason: string): AppError {
  return new AppError("AUTH_INVALID", `Invalid access token: ${reason}.`);
}

async function keyFor(header: JWTHeaderParameters): Promise<KeyEntry> {
  // The header is attacker-controlled JSON: a kid must be a short string PostgreSQL text can hold
  // (no NUL) before it reaches SQL.
  const kid: unknown = header.kid;
  if (typeof kid !== "string" || kid.length === 0 || kid.length > 256 || kid.includes("\u0000")) throw invalid("no usable key id");
  const entry = await signingKey(kid);
  if (!entry) throw invalid("unknown signing key");
  if (entry.usableUntil < Date.now()) throw invalid("signing key retired");
  return entry;
}

function toAuthError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof joseErrors.JWTExpired) return invalid("expired");
  if (error instanceof joseErrors.JWTClaimValidationFailed) return invalid(`claim "${error.claim}" rejected`);
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return invalid("algorithm not allowed");
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return invalid("bad signature");
  return invalid("malformed");
}

/** Returns the user id (`sub`) of a valid REST API token; throws AUTH_INVALID for anything else. */
export async function verifyAccessToken(token: string): Promise<string> {
  return (await verifyToken(token, jwtSettings.audience)).sub;
}

/** The claims of a valid token for `audience`; throws AUTH_INVALID for anything else. */
export async function verifyToken(token: string, audience: string): Promise<VerifiedClaims> {
  const remembered = rememberedClaims(token, audience);
  if (remembered !== undefined) return remembered;
  let used: KeyEntry | undefined;
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        used = await keyFor(header);
        return used.key;
      },
      {
        algorithms: [jwtSettings.algorithm],
        issuer: jwtSettings.issuer,
        audience,
        requiredClaims: ["sub", "exp"],
      },
    );
    // jose checks that `sub` is present, not what it is: the user id must be a non-empty string.
    if (typeof payload.sub !== "string" || payload.sub.length === 0) throw invalid("bad subject");
    // requiredClaims made `exp` present (and jose checked it is a number).
    const claims = { ...payload, sub: payload.sub, exp: payload.exp! };
    if (payload.nbf === undefined) {
      if (verifiedTokens.size >= verifiedTokenCache.limit) verifiedTokens.clear();
      // jose resolved the key through the callback above.
      verifiedTokens.set(token, { claims, audience, entry: used! });
    }
    return claims;
  } catch (error) {
    throw toAuthError(error);
  }
}
