import { env } from "@/lib/env";

// One definition of the token rules, used both where tokens are issued (lib/auth.ts) and where
// they are checked (lib/api/access-token.ts), so the two cannot disagree.
export const jwtSettings = {
  algorithm: "EdDSA",
  // The deployment's own URL (see lib/env.ts): tokens of one deployment fail on another.
  issuer: env.tokenIssuer,
  audience: env.tokenIssuer,
  ttlSeconds: env.jwtTtlSeconds,
} as const;
