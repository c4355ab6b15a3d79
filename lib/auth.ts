import "server-only";
import { oauthProvider } from "@better-auth/oauth-provider";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { jwt } from "better-auth/plugins";
import { getDb } from "@/db/index";
import * as schema from "@/db/schema";
import { accountFlowHooks, accountOptions } from "@/lib/accounts/auth-options";
import { combineHooks } from "@/lib/auth-hooks";
import { accountLimitHooks } from "@/lib/auth-limits";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth-schema";
import { resolveAuthSecret } from "@/lib/auth-secret";
import { clientAddressOptions } from "@/lib/client-address";
import { env } from "@/lib/env";
import { jwtSettings } from "@/lib/jwt-settings";
import { logger } from "@/lib/logger";
import { mailEnabled } from "@/lib/mail/mailer";
import { mcpSettings } from "@/lib/mcp/settings";
import { oauthHooks } from "@/lib/oauth/hooks";
import { CONSENT_PAGE } from "@/lib/oauth/pages";
import { testPasswordHashing } from "@/lib/test-password-hashing";

interface AuthSettings {
  /** Email can be sent: password reset, verification and email change are on. */
  mail: boolean;
  requireEmailVerification: boolean;
}

/** The app's Better Auth instance; the settings come from lib/env.ts (tests vary them). */
export function createAuth(settings: AuthSettings = { mail: mailEnabled, requireEmailVerification: env.requireEmailVerification }) {
  // Password reset, email verification and change, account deletion: lib/accounts/auth-options.ts.
  const accounts = accountOptions(settings);
  return betterAuth({
    appName: "todo-next",
    baseURL: env.baseUrl,
    secret: resolveAuthSecret(env),
    trustedOrigins: env.trustedOrigins,
    database: drizzleAdapter(getDb(), { provider: "pg", schema }),
    emailAndPassword: {
      ...accounts.emailAndPassword,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      ...(env.fastPasswordHashing ? { password: testPasswordHashing } : {}),
    },
    emailVerification: accounts.emailVerification,
    user: accounts.user,
    session: accounts.session,
    // Counters in the database: in-memory ones are useless across serverless instances. Better
    // Auth's stricter built-in rules apply to sign-in, sign-up, change-password and change-email
    // (3 per 10 s per IP) and to password-reset and verification-email requests (3 per 60 s).
    rateLimit: { enabled: env.authRateLimit, storage: "database", window: 60, max: 100 },
    // Better Auth's own notes go to the app's log (its level, its JSON lines), not to the console.
    logger: { log: (level, message, detail) => logger[level]({ source: "better-auth", ...(detail instanceof Error ? { err: detail.message } : {}) }, message) },
    // Those limits count per client address, where one can be trusted (lib/client-address.ts).
    advanced: { ipAddress: clientAddressOptions(env) },
    // Per account and for all clients together (failed sign-ins, new accounts); the account
    // flows' rules; the OAuth provider's token requests and clean-up.
    hooks: combineHooks(accountLimitHooks, accountFlowHooks, oauthHooks),
    plugins: [
      jwt({
        // A retired key stays published as long as lib/api/access-token.ts accepts its tokens.
        jwks: { keyPairConfig: { alg: jwtSettings.algorithm, crv: "Ed25519" }, gracePeriod: jwtSettings.retiredKeyGraceSeconds },
        jwt: {
          issuer: jwtSettings.issuer,
          audience: jwtSettings.audience,
          expirationTime: `${jwtSettings.ttlSeconds}s`,
          // The plugin's default payload is the whole user record; the API needs only these.
          definePayload: ({ user }) => ({ user_id: user.id, email: user.email }),
        },
      }),
      // OAuth 2.1 for MCP clients (lib/mcp/): authorization code + PKCE, dynamic registration,
      // JWT access tokens for the MCP endpoint only (its URL is the one valid audience). Sign-in
      // leads back to the authorization (lib/oauth/resume.ts), then to the consent page.
      oauthProvider({
        loginPage: "/sign-in",
        consentPage: CONSENT_PAGE,
        scopes: [...mcpSettings.scopes, mcpSettings.offlineScope],
        validAudiences: [mcpSettings.resource],
        grantTypes: ["authorization_code", "refresh_token"],
        allowDynamicClientRegistration: true,
        allowUnauthenticatedClientRegistration: true,
        accessTokenExpiresIn: jwtSettings.ttlSeconds,
        // Served by app/.well-known/oauth-authorization-server/api/auth/route.ts.
        silenceWarnings: { oauthAuthServerConfig: true },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

// Created on first use, like the database it needs (see db/index.ts).
const holder = globalThis as typeof globalThis & { __todoAuth?: Auth };

export function getAuth(): Auth {
  holder.__todoAuth ??= createAuth();
  return holder.__todoAuth;
}
