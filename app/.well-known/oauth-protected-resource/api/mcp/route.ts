import { apiRoute } from "@/lib/api/route";
import { metadataPreflight, protectedResourceMetadata } from "@/lib/oauth/metadata";

// GET /.well-known/oauth-protected-resource/api/mcp – the MCP endpoint's protected-resource
// metadata (RFC 9728), where a 401's WWW-Authenticate sends MCP clients
export const GET = apiRoute("/.well-known/oauth-protected-resource/api/mcp", async () => protectedResourceMetadata());
export const OPTIONS = metadataPreflight;
