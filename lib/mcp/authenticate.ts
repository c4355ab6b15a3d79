import "server-only";
import { verifyToken } from "@/lib/api/access-token";
import { bearerToken } from "@/lib/api/authenticate";
import { AppError } from "@/lib/errors";
import { mcpSettings, type TaskScope } from "@/lib/mcp/settings";
import { activeGrant } from "@/lib/oauth/connections";

/** Who is calling the MCP endpoint: a person, through one connected client, with these scopes. */
export interface McpPrincipal {
  userId: string;
  clientId: string;
  scopes: ReadonlySet<TaskScope>;
  token: string;
  expiresAt: number;
}

function invalid(reason: string): AppError {
  return new AppError("AUTH_INVALID", `Invalid access token: ${reason}.`);
}

/**
 * The MCP endpoint's authentication: a Bearer JWT whose audience is this endpoint (so a REST API
 * token is refused), issued to a client (`azp`) the person still allows. The consent is read on
 * every request, so disconnecting an app on "Connected apps" stops its tokens at once; a token
 * issued before the current consent was given (an earlier connection) is void too.
 */
export async function authenticateMcp(request: Request): Promise<McpPrincipal> {
  const token = bearerToken(request);
  const claims = await verifyToken(token, mcpSettings.resource);
  const { azp: clientId, scope, iat } = claims;
  if (typeof clientId !== "string" || clientId.length === 0 || clientId.length > 256) throw invalid("no client");
  if (typeof scope !== "string" || typeof iat !== "number") throw invalid("no scope");
  const grant = await activeGrant(claims.sub, clientId);
  if (!grant || iat < Math.floor(grant.grantedAt.getTime() / 1000)) throw invalid("the connection was revoked");
  // What the token says, as far as the consent still allows it.
  const scopes = new Set(mcpSettings.scopes.filter((name) => scope.split(" ").includes(name) && grant.scopes.includes(name)));
  return { userId: claims.sub, clientId, scopes, token, expiresAt: claims.exp };
}
