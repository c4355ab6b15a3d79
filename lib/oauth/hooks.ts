import "server-only";
import { createAuthMiddleware } from "better-auth/api";
import { mcpSettings } from "@/lib/mcp/settings";
import { pruneUnusedClients } from "@/lib/oauth/clients";

/** Better Auth hooks around the OAuth provider's endpoints (lib/auth.ts). */
export const oauthHooks = {
  // The server has one protected resource: a token request that names none (RFC 8707 makes it
  // optional) is for it, and gets a JWT for the MCP endpoint, not an opaque token it would refuse.
  before: createAuthMiddleware(async (ctx) => {
    if (ctx.path === "/oauth2/token" && ctx.body && !ctx.body.resource) {
      return { context: { body: { ...ctx.body, resource: mcpSettings.resource } } };
    }
  }),
  after: createAuthMiddleware(async (ctx) => {
    if (ctx.path === "/oauth2/register") await pruneUnusedClients();
  }),
};
