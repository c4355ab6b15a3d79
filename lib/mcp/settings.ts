import { env } from "@/lib/env";
import { jwtSettings } from "@/lib/jwt-settings";

/** What a token may let an assistant do with a person's tasks. */
export const TASK_SCOPES = { read: "tasks:read", write: "tasks:write" } as const;
export type TaskScope = (typeof TASK_SCOPES)[keyof typeof TASK_SCOPES];

const MCP_PATH = "/api/mcp";

/**
 * The MCP endpoint as an OAuth protected resource (RFC 9728). Its URL is the resource indicator
 * clients ask tokens for (RFC 8707) and the audience of those tokens, so a token for the REST API
 * (audience: the deployment) is refused here and one for this endpoint is refused there. Built
 * from the configured public URL, never from request headers.
 */
export const mcpSettings = {
  resource: `${env.baseUrl}${MCP_PATH}`,
  resourceMetadataUrl: `${env.baseUrl}/.well-known/oauth-protected-resource${MCP_PATH}`,
  authorizationServer: jwtSettings.issuer,
  scopes: [TASK_SCOPES.read, TASK_SCOPES.write] as TaskScope[],
  /** The OAuth scope that lets a client keep a connection (refresh tokens) without asking again. */
  offlineScope: "offline_access",
} as const;
