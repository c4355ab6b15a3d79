import { env } from "@/lib/env";

// One definition of the token rules, used both where tokens are issued (lib/auth.ts) and where
// they are checked (lib/api/access-token.ts), so the two cannot disagree.
export const jwtSettings = {
  algorithm: "EdDSA",
  // Better Auth at the deployment's own URL (see lib/env.ts): tokens of one deployment fail on
  // another. It is also the OAuth authorization server's issuer (MCP clients discover it).
  issuer: `${env.tokenIssuer}/api/auth`,
  // The REST API's tokens name the deployment; the MCP endpoint's name itself (lib/mcp/settings.ts).
  audience: env.tokenIssuer,
  ttlSeconds: env.jwtTtlSeconds,
  /**
   * How long a retired signing key (`jwks.expires_at` set) still verifies tokens: the longest a
   * token it signed can live, plus a minute of clock skew. No longer, so retiring a key ends its
   * tokens within minutes rather than Better Auth's default of 30 days.
   */
  retiredKeyGraceSeconds: env.jwtTtlSeconds + 60,
} as const;
