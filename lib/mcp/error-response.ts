import "server-only";
import { errorBody, toKnownError } from "@/lib/api/error-response";
import type { ErrorCode } from "@/lib/errors";
import { mcpSettings } from "@/lib/mcp/settings";

/** A value for a quoted-string parameter of WWW-Authenticate (RFC 6750 §3: no `"` or `\`). */
const quotable = (text: string) => text.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, "");

/**
 * The MCP endpoint's answer to a request that never reached the MCP server. No or a bad token:
 * 401 with the challenge MCP clients start OAuth from (`resource_metadata`, RFC 9728; the scopes
 * to ask for), the body the OAuth error and the API's envelope. Anything else (a foreign Host or
 * Origin, a body too large, the database down): a JSON-RPC error with no id, the envelope in
 * `data`, at the error's HTTP status.
 */
export function mcpErrorResponse(error: unknown, requestId: string): { response: Response; code: ErrorCode } {
  const known = toKnownError(error, requestId);
  const envelope = errorBody(known.code, known.message, known.errors);
  const headers = new Headers(known.headers);
  if (known.code === "AUTH_MISSING" || known.code === "AUTH_INVALID") {
    const challenge = [`resource_metadata="${mcpSettings.resourceMetadataUrl}"`, `scope="${mcpSettings.scopes.join(" ")}"`];
    if (known.code === "AUTH_INVALID") challenge.push(`error="invalid_token"`, `error_description="${quotable(known.message)}"`);
    headers.set("WWW-Authenticate", `Bearer ${challenge.join(", ")}`);
    const oauth = known.code === "AUTH_INVALID" ? { error: "invalid_token", error_description: known.message } : {};
    return { response: Response.json({ ...oauth, ...envelope }, { status: 401, headers }), code: known.code };
  }
  const rpcCode = known.status >= 500 ? -32603 : -32000;
  const body = { jsonrpc: "2.0", id: null, error: { code: rpcCode, message: known.message, data: envelope } };
  return { response: Response.json(body, { status: known.status, headers }), code: known.code };
}
