import "server-only";
import type { AuthHooks } from "@/lib/auth-hooks";
import { logger } from "@/lib/logger";
import { mcpSettings } from "@/lib/mcp/settings";
import { pruneExpiredRefreshTokens, pruneUnusedClients } from "@/lib/oauth/clients";

/** Better Auth hooks around the OAuth provider's endpoints (lib/auth.ts). */
export const oauthHooks: AuthHooks = {
  // The server has one protected resource: a token request that names none (RFC 8707 makes it
  // optional) is for it, and gets a JWT for the MCP endpoint, not an opaque token it would refuse.
  before: async (ctx) => {
    if (ctx.path === "/oauth2/token" && ctx.body && !ctx.body.resource) {
      return { context: { body: { ...ctx.body, resource: mcpSettings.resource } } };
    }
    return undefined;
  },
  // Lazy clean-up where the rows are made, so nothing anonymous (registrations) or routine (token
  // rotation) piles up. Best effort: the answer (a client, a token) has been made already.
  after: async (ctx) => {
    const cleanUp =
      ctx.path === "/oauth2/register"
        ? pruneUnusedClients()
        : ctx.path === "/oauth2/token" && typeof ctx.body?.client_id === "string"
          ? pruneExpiredRefreshTokens(ctx.body.client_id)
          : undefined;
    await cleanUp?.catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, "OAuth clean-up failed"));
    return undefined;
  },
};
