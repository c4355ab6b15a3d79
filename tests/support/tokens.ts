import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import {
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
} from "jose";
import { getDb } from "@/db/index";
import { jwks } from "@/db/schema";
import { jwtSettings } from "@/lib/jwt-settings";

/**
 * Token forging for the auth tests: signing keys of our own (optionally made trusted by inserting
 * their public half into the `jwks` table, as a key rotation would) and raw JWT surgery.
 */

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

// Better Auth signs with the jwks row of the newest `created_at` and would try (and fail) to
// decrypt our placeholder private key if one of ours were newest, breaking every later
// GET /api/auth/token in the worker (and, on a shared PostgreSQL, in other workers). Rows of
// ours are therefore dated long ago: trusted for verification, never chosen for signing.
const LONG_AGO = new Date(Date.UTC(2000, 0, 1));

const inserted: string[] = [];

/** A fresh Ed25519 key pair that the server knows nothing about. */
export async function untrustedKey(kid: string = `untrusted-${randomUUID()}`): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  return { kid, privateKey, publicJwk: await exportJWK(publicKey) };
}

/** A fresh Ed25519 key pair whose public key is inserted into the `jwks` table (so trusted). */
export async function trustedKey(options: { expiresAt?: Date } = {}): Promise<SigningKey> {
  const key = await untrustedKey(`test-key-${randomUUID()}`);
  await insertPublicKey(key.kid, key.publicJwk, options.expiresAt);
  return key;
}

/** Inserts any public JWK into the `jwks` table under `kid`. */
export async function insertPublicKey(kid: string, publicJwk: JWK, expiresAt?: Date): Promise<void> {
  await getDb()
    .insert(jwks)
    .values({
      id: kid,
      publicKey: JSON.stringify(publicJwk),
      privateKey: "not-a-private-key (test row)",
      createdAt: LONG_AGO,
      expiresAt: expiresAt ?? null,
    });
  inserted.push(kid);
}

export async function deletePublicKeys(kids: string[]): Promise<void> {
  if (kids.length === 0) return;
  await getDb().delete(jwks).where(inArray(jwks.id, kids));
}

/** Removes every key row the tests of this worker inserted. */
export async function deleteInsertedKeys(): Promise<void> {
  await deletePublicKeys(inserted.splice(0));
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Claims the server accepts: right issuer and audience, 5 minutes to live, `sub` = the user. */
export function validClaims(userId: string, now: number = nowSeconds()): JWTPayload {
  return {
    sub: userId,
    user_id: userId,
    email: `${userId}@example.com`,
    iss: jwtSettings.issuer,
    aud: jwtSettings.audience,
    iat: now,
    exp: now + 300,
  };
}

/** Signs `claims` exactly as given (nothing added), EdDSA with the key's kid unless overridden. */
export async function sign(
  key: { kid?: string; privateKey: CryptoKey | Uint8Array },
  claims: JWTPayload,
  header: Partial<JWTHeaderParameters> = {},
): Promise<string> {
  const protectedHeader = { alg: "EdDSA", ...(key.kid ? { kid: key.kid } : {}), ...header } as JWTHeaderParameters;
  return new SignJWT(claims).setProtectedHeader(protectedHeader).sign(key.privateKey);
}

export function base64url(value: unknown): string {
  return Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
}

/** An unsigned (`alg: none`) JWT. */
export function unsignedToken(header: Record<string, unknown>, claims: JWTPayload): string {
  return `${base64url({ ...header, alg: "none" })}.${base64url(claims)}.`;
}

export function tokenParts(token: string): { header: string; payload: string; signature: string } {
  const [header = "", payload = "", signature = ""] = token.split(".");
  return { header, payload, signature };
}

export function kidOf(token: string): string {
  const { kid } = decodeProtectedHeader(token);
  if (typeof kid !== "string") throw new Error("token has no kid");
  return kid;
}

export { decodeJwt, decodeProtectedHeader };
