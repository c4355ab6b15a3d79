import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/client/api-error";
import { createTokenStore, tokenLifetimeMs } from "@/lib/client/token-store";

function jwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "EdDSA" })}.${part(claims)}.signature`;
}

/** A token endpoint that hands out numbered 15-minute tokens, with a clock the test moves. */
function tokenServer() {
  let clock = 1_000_000;
  let issued = 0;
  const fetch = vi.fn<typeof globalThis.fetch>(async () => {
    issued += 1;
    const iat = 1_700_000_000; // deliberately far from `clock`: the server's clock is not ours
    return Response.json({ token: jwt({ sub: "u1", n: issued, iat, exp: iat + 900 }) });
  });
  return {
    fetch,
    now: () => clock,
    advance: (ms: number) => (clock += ms),
    claims: (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { n: number },
  };
}

describe("tokenLifetimeMs", () => {
  it("reads exp - iat from the payload", () => {
    expect(tokenLifetimeMs(jwt({ iat: 100, exp: 1000 }))).toBe(900_000);
  });

  it("is undefined for tokens whose lifetime cannot be read", () => {
    expect(tokenLifetimeMs("no-dots")).toBeUndefined();
    expect(tokenLifetimeMs("a.!!!.c")).toBeUndefined();
    expect(tokenLifetimeMs(jwt({ exp: 1000 }))).toBeUndefined();
    expect(tokenLifetimeMs(jwt({ iat: 1000, exp: 1000 }))).toBeUndefined();
  });
});

describe("token store", () => {
  it("fetches GET /api/auth/token with the session cookie, and reuses the token while it is fresh", async () => {
    const server = tokenServer();
    const tokens = createTokenStore({ fetch: server.fetch, now: server.now });
    const first = await tokens.get();
    server.advance(13 * 60_000);
    expect(await tokens.get()).toBe(first);
    expect(server.fetch).toHaveBeenCalledTimes(1);
    expect(server.fetch.mock.calls[0]![0]).toBe("/api/auth/token");
    expect(server.fetch.mock.calls[0]![1]).toMatchObject({ credentials: "same-origin", cache: "no-store" });
  });

  it("renews a minute before expiry, measured on the local clock", async () => {
    const server = tokenServer();
    const tokens = createTokenStore({ fetch: server.fetch, now: server.now });
    const first = await tokens.get();
    server.advance(14 * 60_000 + 1);
    const second = await tokens.get();
    expect(second).not.toBe(first);
    expect(server.claims(second).n).toBe(2);
  });

  it("renews short-lived tokens at 80% of their lifetime", async () => {
    const fetch = vi.fn(async () => Response.json({ token: jwt({ iat: 0, exp: 30 }) }));
    let clock = 0;
    const tokens = createTokenStore({ fetch, now: () => clock });
    await tokens.get();
    clock = 23_999;
    await tokens.get();
    expect(fetch).toHaveBeenCalledTimes(1);
    clock = 24_000;
    await tokens.get();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("shares one request between concurrent callers", async () => {
    const server = tokenServer();
    const tokens = createTokenStore({ fetch: server.fetch, now: server.now });
    const [a, b, c] = await Promise.all([tokens.get(), tokens.get(), tokens.get()]);
    expect(new Set([a, b, c]).size).toBe(1);
    expect(server.fetch).toHaveBeenCalledTimes(1);
  });

  it("invalidate drops the refused token only if it is still the current one", async () => {
    const server = tokenServer();
    const tokens = createTokenStore({ fetch: server.fetch, now: server.now });
    const first = await tokens.get();
    tokens.invalidate("some-older-token");
    expect(await tokens.get()).toBe(first);
    tokens.invalidate(first);
    expect(server.claims(await tokens.get()).n).toBe(2);
  });

  it("clear forgets the token, and a request in flight at that moment does not bring it back", async () => {
    const server = tokenServer();
    const tokens = createTokenStore({ fetch: server.fetch, now: server.now });
    await tokens.get();
    tokens.clear();
    const inFlight = tokens.get();
    tokens.clear();
    await inFlight;
    await tokens.get();
    expect(server.fetch).toHaveBeenCalledTimes(3);
  });

  it("never writes to web storage", async () => {
    const server = tokenServer();
    const setItem = vi.fn();
    vi.stubGlobal("localStorage", { setItem });
    vi.stubGlobal("sessionStorage", { setItem });
    try {
      await createTokenStore({ fetch: server.fetch, now: server.now }).get();
      expect(setItem).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("a token without a readable lifetime is used once and never reused", async () => {
    const fetch = vi.fn(async () => Response.json({ token: "opaque" }));
    const tokens = createTokenStore({ fetch, now: () => 0 });
    expect(await tokens.get()).toBe("opaque");
    await tokens.get();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("401 from the token endpoint (no session) is a 401 ApiError", async () => {
    const fetch = vi.fn(async () => Response.json({ detail: "Unauthorized", error_code: "AUTH_INVALID" }, { status: 401 }));
    const error = await createTokenStore({ fetch }).get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: "AUTH_INVALID", detail: "Your session has ended. Please sign in again." });
  });

  it("a 5xx keeps its status and detail; a network failure is status 0", async () => {
    const failing = vi.fn(async () => Response.json({ detail: "The database is unavailable.", error_code: "DATABASE_ERROR" }, { status: 500 }));
    await expect(createTokenStore({ fetch: failing }).get()).rejects.toMatchObject({ status: 500, detail: "The database is unavailable." });
    const offline = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(createTokenStore({ fetch: offline }).get()).rejects.toMatchObject({ status: 0, code: "NETWORK_ERROR" });
  });

  it("a 200 without a token is an error, not an empty Bearer header", async () => {
    const fetch = vi.fn(async () => Response.json({}));
    await expect(createTokenStore({ fetch }).get()).rejects.toMatchObject({ status: 502, code: "BAD_TOKEN" });
    const notJson = vi.fn(async () => new Response("<html>"));
    await expect(createTokenStore({ fetch: notJson }).get()).rejects.toMatchObject({ code: "BAD_TOKEN" });
  });

  it("uses the global fetch by default", async () => {
    const fetch = vi.fn(async () => Response.json({ token: jwt({ iat: 0, exp: 900 }) }));
    vi.stubGlobal("fetch", fetch);
    try {
      await createTokenStore().get();
      expect(fetch).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
