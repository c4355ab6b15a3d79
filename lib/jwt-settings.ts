import { env } from "@/lib/env";

// One definition of the token rules, used both where tokens are issued (lib/auth.ts) and where
// they are checked (lib/api/access-token.ts), so the two cannot disagree.
export const jwtSettings = {
  algorithm: "EdDSA",
  issuer: env.baseUrl,
  audience: env.baseUrl,
  ttlSeconds: env.jwtTtlSeconds,
} as const;
