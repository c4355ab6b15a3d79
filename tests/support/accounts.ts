import { createAuth, type Auth } from "@/lib/auth";
import { call, sessionCookie, type ApiResponse } from "./api";

/** Helpers for the account flows: sessions by cookie, and the auth instance under other settings. */

export async function signIn(email: string, password: string): Promise<string> {
  const response = await call("POST", "/api/auth/sign-in/email", { body: { email, password } });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
  return sessionCookie(response);
}

/** The user of a session cookie, or null when the session has ended. */
export async function sessionUser(cookie: string): Promise<{ id: string; email: string; name: string; emailVerified: boolean } | null> {
  const response = await call<{ user: { id: string; email: string; name: string; emailVerified: boolean } } | null>("GET", "/api/auth/get-session", {
    headers: { cookie },
  });
  return response.body?.user ?? null;
}

export async function accessToken(cookie: string): Promise<string> {
  const response = await call<{ token: string }>("GET", "/api/auth/token", { headers: { cookie } });
  if (response.status !== 200) throw new Error(`token failed: ${response.status} ${response.text}`);
  return response.body.token;
}

/** The cookie a response sets, if any (a renewed session). */
export function newCookie(response: ApiResponse): string | undefined {
  return response.headers.getSetCookie().some((cookie) => /^better-auth\.session_token=[^;]/.test(cookie)) ? sessionCookie(response) : undefined;
}

const holder = globalThis as typeof globalThis & { __todoAuth?: Auth };

/**
 * Runs `test` with the app's routes served by an auth instance of other settings (verification
 * required, or no email), as a server configured so would; the usual instance comes back after.
 */
export async function withAuthSettings<T>(settings: Parameters<typeof createAuth>[0], test: () => Promise<T>): Promise<T> {
  const usual = holder.__todoAuth;
  holder.__todoAuth = createAuth(settings);
  try {
    return await test();
  } finally {
    holder.__todoAuth = usual;
  }
}
