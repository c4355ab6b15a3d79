import { apiRoute } from "@/lib/api/route";
import { authorizationServerMetadata, metadataPreflight } from "@/lib/oauth/metadata";

// GET /.well-known/oauth-authorization-server/api/auth – the OAuth authorization server's
// metadata (RFC 8414) for the issuer <origin>/api/auth
export const GET = apiRoute("/.well-known/oauth-authorization-server/api/auth", authorizationServerMetadata);
export const OPTIONS = metadataPreflight;
