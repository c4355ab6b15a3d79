/** The JWT claims the browser reads: who (`sub`) and for how long (`iat`, `exp`). */
export interface JwtClaims {
  sub?: unknown;
  iat?: unknown;
  exp?: unknown;
}

/**
 * A JWT's claims, read without verifying the token (the API verifies it; the browser only needs
 * to know whose it is and when it runs out), or undefined when the payload cannot be read.
 */
export function jwtClaims(token: string): JwtClaims | undefined {
  try {
    const payload = token.split(".")[1];
    if (!payload) return undefined;
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const claims: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")));
    return typeof claims === "object" && claims !== null ? claims : undefined;
  } catch {
    return undefined;
  }
}
