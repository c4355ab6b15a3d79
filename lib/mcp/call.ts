import "server-only";
import type { AuthInfo, ServerContext } from "@modelcontextprotocol/server";
import type { ErrorCode } from "@/lib/errors";
import type { McpPrincipal } from "@/lib/mcp/authenticate";
import { mcpSettings } from "@/lib/mcp/settings";

/**
 * One request to the MCP endpoint, from the HTTP wrapper (lib/mcp/route.ts) to the tool that runs
 * it and back: who calls, and what the log line reports (the tool, its error code).
 */
export interface McpCall {
  requestId: string;
  principal: McpPrincipal;
  tool?: string;
  errorCode?: ErrorCode;
}

/** The SDK hands the verified token to the tools as `ctx.http.authInfo`; the call rides along in it. */
export function toAuthInfo(call: McpCall): AuthInfo {
  const { principal } = call;
  return {
    token: principal.token,
    clientId: principal.clientId,
    scopes: [...principal.scopes],
    expiresAt: principal.expiresAt,
    resource: new URL(mcpSettings.resource),
    extra: { call },
  };
}

export function callOf(ctx: ServerContext): McpCall {
  const call = ctx.http?.authInfo?.extra?.call as McpCall | undefined;
  // The route wrapper authenticates every request before the MCP server sees it.
  if (!call) throw new Error("MCP request without an authenticated call");
  return call;
}
