import "server-only";
import { oauthProviderAuthServerMetadata } from "@better-auth/oauth-provider";
import { getAuth } from "@/lib/auth";
import { env } from "@/lib/env";
import { mcpSettings } from "@/lib/mcp/settings";

// Public documents: any page may read them (browser-based MCP clients discover from them too).
const PUBLIC = { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" };

/** RFC 9728: what the MCP endpoint is, who issues its tokens and which scopes it knows. */
export function protectedResourceMetadata(): Response {
  return Response.json(
    {
      resource: mcpSettings.resource,
      authorization_servers: [mcpSettings.authorizationServer],
      scopes_supported: mcpSettings.scopes,
      bearer_methods_supported: ["header"],
      resource_name: "todo-next tasks",
      resource_documentation: `${env.baseUrl}/docs`,
    },
    { headers: PUBLIC },
  );
}

/** RFC 8414: Better Auth's OAuth provider describes itself (endpoints, registration, PKCE, scopes). */
export async function authorizationServerMetadata(request: Request): Promise<Response> {
  const response = await oauthProviderAuthServerMetadata(getAuth())(request);
  response.headers.set("Access-Control-Allow-Origin", "*");
  return response;
}

/** The CORS preflight of the metadata documents. */
export function metadataPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, OPTIONS", "Access-Control-Max-Age": "86400" },
  });
}
