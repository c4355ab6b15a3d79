import { ApiError, errorFromResponse } from "@/lib/client/api-error";
import { jwtClaims } from "@/lib/client/jwt-claims";

/**
 * The access token (JWT) for the task API, held in this closure only: never in localStorage,
 * sessionStorage or a readable cookie, so it is gone with the page. It is obtained from
 * `GET /api/auth/token` with the httpOnly session cookie and renewed shortly before it expires.
 * Expiry is measured on this machine's clock from the token's own lifetime (`exp - iat`), so a
 * skewed clock cannot make the browser keep an expired token.
 */
export interface TokenStore {
  /** A token with some life left, fetching a new one when needed. */
  get(): Promise<string>;
  /** Drops `token` after the API refused it (only if it is still the current one). */
  invalidate(token: string): void;
  /** Forgets everything (sign-out). */
  clear(): void;
}

interface TokenStoreOptions {
  fetch?: typeof fetch;
  now?: () => number;
  endpoint?: string;
}

/** Renew a minute before expiry, or at 80% of the lifetime for short-lived tokens. */
const MAX_MARGIN_MS = 60_000;

/** The token's lifetime in milliseconds, or undefined when the claims cannot be read. */
export function tokenLifetimeMs(token: string): number | undefined {
  const { exp, iat } = jwtClaims(token) ?? {};
  if (typeof exp !== "number" || typeof iat !== "number" || exp <= iat) return undefined;
  return (exp - iat) * 1000;
}

export function createTokenStore(options: TokenStoreOptions = {}): TokenStore {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? Date.now;
  const endpoint = options.endpoint ?? "/api/auth/token";
  let current: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;
  // Bumped by clear(), so a request still in flight at sign-out cannot store its token.
  let generation = 0;

  async function fetchToken(): Promise<string> {
    const startedIn = generation;
    let response: Response;
    try {
      response = await doFetch(endpoint, { credentials: "same-origin", cache: "no-store", headers: { accept: "application/json" } });
    } catch {
      throw ApiError.network();
    }
    if (!response.ok) {
      const error = await errorFromResponse(response);
      // No valid session behind the cookie: the same as any 401 that refreshing cannot cure.
      if (response.status === 401) throw new ApiError(401, error.code, "Your session has ended. Please sign in again.");
      throw error;
    }
    const body = (await response.json().catch(() => undefined)) as { token?: unknown } | undefined;
    if (typeof body?.token !== "string" || !body.token) throw new ApiError(502, "BAD_TOKEN", "The sign-in service sent no token.");
    const receivedAt = now();
    const lifetime = tokenLifetimeMs(body.token);
    // A token whose lifetime cannot be read is used for this one request and never reused.
    const renewAt = lifetime === undefined ? receivedAt : receivedAt + lifetime - Math.min(MAX_MARGIN_MS, lifetime * 0.2);
    if (startedIn === generation) current = { token: body.token, renewAt };
    return body.token;
  }

  return {
    get() {
      if (current && now() < current.renewAt) return Promise.resolve(current.token);
      // Concurrent callers share one request.
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate(token) {
      if (current?.token === token) current = undefined;
    },
    clear() {
      generation += 1;
      current = undefined;
      pending = undefined;
    },
  };
}
