import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, type JSONWebKeySet } from "jose";
import { clearKeyCache, verifiedTokenCache } from "@/lib/api/access-token";
import { jwtSettings } from "@/lib/jwt-settings";
import { call, signUp, tasksPath, type ApiResponse, type TestUser } from "../support/api";
import {
  base64url,
  decodeJwt,
  decodeProtectedHeader,
  deleteInsertedKeys,
  deletePublicKeys,
  insertPublicKey,
  kidOf,
  sign,
  tokenParts,
  trustedKey,
  unsignedToken,
  untrustedKey,
  validClaims,
  type SigningKey,
} from "../support/tokens";

/**
 * Bearer-token authentication of the task API (lib/api/authenticate.ts, lib/api/access-token.ts):
 * every malformed, forged, expired, misdirected or untrusted token is a 401 AUTH_INVALID, a
 * missing one a 401 AUTH_MISSING, and a valid token only ever opens its own user's tasks.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

type Response = ApiResponse<{ error_code?: string; tasks?: unknown[] }>;

function expect401(response: Response, code: "AUTH_MISSING" | "AUTH_INVALID") {
  expect(response.status, response.text).toBe(401);
  expect(response.body.error_code).toBe(code);
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
}

function expectOk(response: Response) {
  expect(response.status, response.text).toBe(200);
  expect(response.body.tasks).toEqual([]);
}

const listTasks = (user: TestUser | string, token: string): Promise<Response> =>
  call("GET", tasksPath(user), { token });

const listTasksWithAuthorization = (user: TestUser, authorization: string): Promise<Response> =>
  call("GET", tasksPath(user), { headers: { authorization } });

let genuineKid: string;

beforeAll(async () => {
  // Makes sure Better Auth's own signing key exists before the tests add keys of their own.
  genuineKid = kidOf((await signUp()).token);
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await deleteInsertedKeys();
  clearKeyCache();
});

describe("GET /api/{user_id}/tasks – Authorization header", () => {
  it("GET /api/{user_id}/tasks – 200 for the user's own genuine token", async () => {
    const user = await signUp();
    expectOk(await listTasks(user, user.token));
  });

  it("GET /api/{user_id}/tasks – the Bearer scheme name is case-insensitive", async () => {
    const user = await signUp();
    expectOk(await listTasksWithAuthorization(user, `bearer ${user.token}`));
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_MISSING without an Authorization header", async () => {
    const user = await signUp();
    expect401(await call("GET", tasksPath(user)), "AUTH_MISSING");
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_MISSING for a Basic (non-Bearer) scheme", async () => {
    const user = await signUp();
    expect401(await listTasksWithAuthorization(user, "Basic xyz"), "AUTH_MISSING");
    expect401(await listTasksWithAuthorization(user, `Basic ${user.token}`), "AUTH_MISSING");
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for Bearer followed by nothing", async () => {
    const user = await signUp();
    expect401(await listTasksWithAuthorization(user, "Bearer"), "AUTH_INVALID");
    expect401(await listTasksWithAuthorization(user, "Bearer    "), "AUTH_INVALID");
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for Bearer followed by garbage characters", async () => {
    const user = await signUp();
    for (const garbage of ["!!!", "<script>", "a b c", `${user.token} extra`, `"${user.token}"`]) {
      expect401(await listTasksWithAuthorization(user, `Bearer ${garbage}`), "AUTH_INVALID");
    }
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for a well-formed Bearer value that is not a JWT", async () => {
    const user = await signUp();
    for (const value of ["not-a-jwt", "a.b.c", "a.b", tokenParts(user.token).payload]) {
      expect401(await listTasksWithAuthorization(user, `Bearer ${value}`), "AUTH_INVALID");
    }
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_MISSING for a session cookie alone (cookies are not API auth)", async () => {
    const user = await signUp();
    // The cookie is a live session: Better Auth accepts it…
    const session = await call("GET", "/api/auth/get-session", { headers: { cookie: user.cookie } });
    expect(session.status).toBe(200);
    expect((session.body as { user: { id: string } }).user.id).toBe(user.id);
    // …but the task API does not.
    expect401(await call("GET", tasksPath(user), { headers: { cookie: user.cookie } }), "AUTH_MISSING");
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for the session token sent as a Bearer token", async () => {
    const user = await signUp();
    const sessionToken = decodeURIComponent(user.cookie.split("=").slice(1).join("="));
    expect401(await listTasksWithAuthorization(user, `Bearer ${sessionToken}`), "AUTH_INVALID");
  });

  it("GET /api/{user_id}/tasks – 403 AUTH_FORBIDDEN for user A's genuine token on user B's path", async () => {
    const alice = await signUp("Alice");
    const bob = await signUp("Bob");
    const response = await listTasks(bob, alice.token);
    expect(response.status).toBe(403);
    expect(response.body.error_code).toBe("AUTH_FORBIDDEN");
  });
});

describe("GET /api/{user_id}/tasks – forged and tampered genuine tokens", () => {
  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for an unsigned alg:none token", async () => {
    const user = await signUp();
    const claims = decodeJwt(user.token);
    expect401(await listTasks(user, unsignedToken({ typ: "JWT", kid: genuineKid }, claims)), "AUTH_INVALID");
    // The same without the trailing (empty) signature segment.
    expect401(await listTasks(user, unsignedToken({ kid: genuineKid }, claims).slice(0, -1)), "AUTH_INVALID");
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for an HS256 token forged with a guessed secret and the real kid", async () => {
    const user = await signUp();
    const claims = decodeJwt(user.token);
    for (const secret of ["secret", "better-auth-secret-123456789012345678901234567890"]) {
      const forged = await sign({ privateKey: new TextEncoder().encode(secret) }, claims, { alg: "HS256", kid: genuineKid });
      expect401(await listTasks(user, forged), "AUTH_INVALID");
    }
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for an HS256 token using the public key bytes as HMAC secret", async () => {
    const user = await signUp();
    const claims = decodeJwt(user.token);
    const published = (await call<JSONWebKeySet>("GET", "/api/auth/jwks")).body.keys.find((key) => key.kid === genuineKid);
    expect(published?.x).toEqual(expect.any(String));
    const secrets = [
      Buffer.from(published!.x!, "base64url"), // the raw Ed25519 public key
      new TextEncoder().encode(published!.x!), // its base64url text
      new TextEncoder().encode(JSON.stringify(published)), // the whole JWK as served
    ];
    for (const secret of secrets) {
      const forged = await sign({ privateKey: new Uint8Array(secret) }, claims, { alg: "HS256", kid: genuineKid });
      expect401(await listTasks(user, forged), "AUTH_INVALID");
    }
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for a genuine token whose payload is swapped for another sub", async () => {
    const alice = await signUp("Alice");
    const bob = await signUp("Bob");
    expectOk(await listTasks(bob, bob.token));
    const { header, signature } = tokenParts(alice.token);
    const payload = base64url({ ...decodeJwt(alice.token), sub: bob.id, user_id: bob.id, email: bob.email });
    expect401(await listTasks(bob, `${header}.${payload}.${signature}`), "AUTH_INVALID");
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for a genuine token with a corrupted signature", async () => {
    const user = await signUp();
    const { header, payload, signature } = tokenParts(user.token);
    const flipped = [...signature.slice(0, 4)].map((char) => (char === "A" ? "B" : "A")).join("") + signature.slice(4);
    const reversed = [...signature].reverse().join("");
    for (const bad of [flipped, reversed, signature.slice(0, -10)]) {
      expect(bad).not.toBe(signature);
      expect401(await listTasks(user, `${header}.${payload}.${bad}`), "AUTH_INVALID");
    }
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for a genuine token once its lifetime has passed", async () => {
    const user = await signUp();
    const { exp } = decodeJwt(user.token);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime((exp! - 5) * 1000);
    expectOk(await listTasks(user, user.token));
    vi.setSystemTime((exp! + 1) * 1000);
    expect401(await listTasks(user, user.token), "AUTH_INVALID");
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for a token signed by an untrusted key, with the real or its own kid", async () => {
    const user = await signUp();
    const attacker = await untrustedKey();
    expect401(await listTasks(user, await sign(attacker, validClaims(user.id), { kid: genuineKid })), "AUTH_INVALID");
    expect401(await listTasks(user, await sign(attacker, validClaims(user.id))), "AUTH_INVALID");
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for an ES256 token, even with the ES256 key in the jwks table", async () => {
    const user = await signUp();
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    const kid = `es256-${user.id}`;
    await insertPublicKey(kid, await exportJWK(publicKey));
    expect401(await listTasks(user, await sign({ kid, privateKey }, validClaims(user.id), { alg: "ES256" })), "AUTH_INVALID");
    expect401(
      await listTasks(user, await sign({ kid: genuineKid, privateKey }, validClaims(user.id), { alg: "ES256" })),
      "AUTH_INVALID",
    );
  });
});

describe("GET /api/{user_id}/tasks – tokens signed by a key inserted into the jwks table", () => {
  let user: TestUser;
  let key: SigningKey;

  beforeAll(async () => {
    user = await signUp();
    key = await trustedKey();
  });

  it("GET /api/{user_id}/tasks – 200 for a correctly signed token from a newly inserted key (rotation without restart)", async () => {
    const fresh = await signUp();
    const rotated = await trustedKey();
    expectOk(await listTasks(fresh, await sign(rotated, validClaims(fresh.id))));
    // And the genuine key keeps working next to it.
    expectOk(await listTasks(fresh, fresh.token));
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for an expired token", async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { ...validClaims(user.id, now - 1000), exp: now - 1 };
    expect401(await listTasks(user, await sign(key, claims)), "AUTH_INVALID");
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for a token with a wrong iss", async () => {
    for (const iss of ["https://evil.example.com", `${jwtSettings.issuer}/`, "http://localhost:3001"]) {
      expect401(await listTasks(user, await sign(key, { ...validClaims(user.id), iss })), "AUTH_INVALID");
    }
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for a token with a wrong aud", async () => {
    for (const aud of ["https://evil.example.com", ["https://a.example.com", "https://b.example.com"]]) {
      expect401(await listTasks(user, await sign(key, { ...validClaims(user.id), aud })), "AUTH_INVALID");
    }
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for a token without sub, exp, iss or aud", async () => {
    for (const claim of ["sub", "exp", "iss", "aud"] as const) {
      const claims = validClaims(user.id);
      delete claims[claim];
      expect401(await listTasks(user, await sign(key, claims)), "AUTH_INVALID");
    }
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for a token not yet valid (nbf in the future)", async () => {
    const claims = { ...validClaims(user.id), nbf: Math.floor(Date.now() / 1000) + 120 };
    expect401(await listTasks(user, await sign(key, claims)), "AUTH_INVALID");
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for an unknown kid", async () => {
    expect401(await listTasks(user, await sign(key, validClaims(user.id), { kid: `unknown-${user.id}` })), "AUTH_INVALID");
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for a token with no kid or an empty kid", async () => {
    expect401(await listTasks(user, await sign({ privateKey: key.privateKey }, validClaims(user.id))), "AUTH_INVALID");
    expect401(await listTasks(user, await sign(key, validClaims(user.id), { kid: "" })), "AUTH_INVALID");
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID (never a 500) for a kid that is not a string", async () => {
    // A one-element array once matched the row on PGlite and filled the key cache: kids must be strings.
    for (const kid of [123, true, { id: key.kid }, [key.kid], "k".repeat(300)]) {
      const token = await sign(key, validClaims(user.id), { kid: kid as unknown as string });
      expect401(await listTasks(user, token), "AUTH_INVALID");
    }
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for a sub that is not a non-empty string", async () => {
    for (const sub of [123, "", { id: user.id }]) {
      const token = await sign(key, { ...validClaims(user.id), sub: sub as unknown as string });
      expect401(await listTasks(user, token), "AUTH_INVALID");
    }
  });

  it("GET /api/{user_id}/tasks – 403 AUTH_FORBIDDEN for a valid token whose sub is another user", async () => {
    const other = await signUp();
    const response = await listTasks(other, await sign(key, validClaims(user.id)));
    expect(response.status).toBe(403);
    expect(response.body.error_code).toBe("AUTH_FORBIDDEN");
  });
});

describe("GET /api/{user_id}/tasks – retired signing keys", () => {
  // A retired key's tokens are trusted as long as one of them can still be alive, no longer.
  const graceMs = (jwtSettings.ttlSeconds + 60) * 1000;

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for a key retired more than JWT_TTL_SECONDS + 60 s ago (not 30 days)", async () => {
    const user = await signUp();
    for (const retiredAgo of [graceMs + 5_000, DAY_MS, 29 * DAY_MS]) {
      const retired = await trustedKey({ expiresAt: new Date(Date.now() - retiredAgo) });
      expect401(await listTasks(user, await sign(retired, validClaims(user.id))), "AUTH_INVALID");
    }
  });

  it("GET /api/{user_id}/tasks – 200 for a key retired less than JWT_TTL_SECONDS + 60 s ago (its tokens may still be alive)", async () => {
    const user = await signUp();
    const rotatedOut = await trustedKey({ expiresAt: new Date(Date.now() - graceMs + 10_000) });
    expectOk(await listTasks(user, await sign(rotatedOut, validClaims(user.id))));
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID once a cached key's grace period ends", async () => {
    const user = await signUp();
    const now = Date.now();
    const key = await trustedKey({ expiresAt: new Date(now) });
    // Long-lived claims, so that only the key's retirement can reject the token later.
    const token = await sign(key, { ...validClaims(user.id), exp: Math.floor(now / 1000) + 60 * 24 * 60 * 60 });
    expectOk(await listTasks(user, token)); // now cached
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now + graceMs - 1_000);
    expectOk(await listTasks(user, token));
    vi.setSystemTime(now + graceMs + 1_000);
    expect401(await listTasks(user, token), "AUTH_INVALID");
  });
});

describe("access-token key cache", () => {
  it("GET /api/{user_id}/tasks – a genuine token still verifies after clearKeyCache() (keys re-read from the database)", async () => {
    const user = await signUp();
    expectOk(await listTasks(user, user.token));
    clearKeyCache();
    expectOk(await listTasks(user, user.token));
  });

  it("GET /api/{user_id}/tasks – after clearKeyCache() a key deleted from the jwks table is no longer trusted", async () => {
    const user = await signUp();
    const key = await trustedKey();
    const token = await sign(key, validClaims(user.id));
    expectOk(await listTasks(user, token));
    await deletePublicKeys([key.kid]);
    clearKeyCache();
    expect401(await listTasks(user, token), "AUTH_INVALID");
  });
});

describe("access-token verified-token memo", () => {
  it("GET /api/{user_id}/tasks – a token with nbf is checked in full on every request, not remembered", async () => {
    const user = await signUp();
    const key = await trustedKey();
    const token = await sign(key, { ...validClaims(user.id), nbf: Math.floor(Date.now() / 1000) - 60 });
    const before = verifiedTokenCache.size();
    expectOk(await listTasks(user, token));
    expectOk(await listTasks(user, token));
    expect(verifiedTokenCache.size()).toBe(before);
  });

  it("GET /api/{user_id}/tasks – the memo stays within its limit and tokens still verify once it starts over", async () => {
    const user = await signUp();
    const limit = verifiedTokenCache.limit;
    verifiedTokenCache.limit = 2;
    try {
      const key = await trustedKey();
      const tokens = await Promise.all([1, 2, 3].map((n) => sign(key, { ...validClaims(user.id), jti: `memo-${n}` })));
      for (const token of [...tokens, ...tokens]) {
        expectOk(await listTasks(user, token));
        expect(verifiedTokenCache.size()).toBeLessThanOrEqual(2);
      }
    } finally {
      verifiedTokenCache.limit = limit;
    }
  });
});

describe("access-token key re-check", () => {
  it("GET /api/{user_id}/tasks – a cached key deleted from the jwks table stops being trusted within 5 minutes", async () => {
    const user = await signUp();
    const now = Date.now();
    const key = await trustedKey();
    const token = await sign(key, { ...validClaims(user.id), exp: Math.floor(now / 1000) + 3600 });
    expectOk(await listTasks(user, token)); // now cached
    await deletePublicKeys([key.kid]);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now + 60 * 1000);
    expectOk(await listTasks(user, token)); // still cached
    vi.setSystemTime(now + 6 * 60 * 1000);
    expect401(await listTasks(user, token), "AUTH_INVALID");
  });
});

describe("GET /api/auth/token and GET /api/auth/jwks", () => {
  it("GET /api/auth/token – the JWT carries exactly sub, user_id, email, iss, aud, iat and exp", async () => {
    const user = await signUp("Claims Checker");
    const response = await call<{ token: string }>("GET", "/api/auth/token", { headers: { cookie: user.cookie } });
    expect(response.status).toBe(200);
    const { token } = response.body;

    const header = decodeProtectedHeader(token);
    expect(header.alg).toBe("EdDSA");
    expect(header.kid).toEqual(expect.any(String));

    const claims = decodeJwt(token);
    expect(claims.sub).toBe(user.id);
    expect(claims.user_id).toBe(claims.sub);
    expect(claims.email).toBe(user.email);
    expect(claims.iss).toBe(jwtSettings.issuer);
    expect(claims.aud).toBe(jwtSettings.audience);
    expect(claims.exp! - claims.iat!).toBe(jwtSettings.ttlSeconds);
    expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(60);
    // Nothing else of the user record (name, image, emailVerified, createdAt, …).
    expect(Object.keys(claims).sort()).toEqual(["aud", "email", "exp", "iat", "iss", "sub", "user_id"]);
    expect(JSON.stringify(claims)).not.toContain("Claims Checker");
  });

  it("GET /api/auth/token – 401 without a session", async () => {
    const response = await call("GET", "/api/auth/token");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("GET /api/auth/jwks – serves the public Ed25519 key(s), including the kid of issued tokens, and no private part", async () => {
    const user = await signUp();
    const response = await call<JSONWebKeySet>("GET", "/api/auth/jwks");
    expect(response.status).toBe(200);
    const { keys } = response.body;
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key.kid).toEqual(expect.any(String));
      expect(key).not.toHaveProperty("d");
    }
    const issued = keys.find((key) => key.kid === kidOf(user.token));
    expect(issued).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", x: expect.any(String) });
    // The published key really verifies the token (as an external resource server would).
    const { payload } = await jwtVerify(user.token, createLocalJWKSet(response.body), {
      issuer: jwtSettings.issuer,
      audience: jwtSettings.audience,
    });
    expect(payload.sub).toBe(user.id);
  });
});
