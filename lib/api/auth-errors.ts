import "server-only";
import { errorBody } from "@/lib/api/error-response";
import type { ErrorCode } from "@/lib/errors";

function codeFor(status: number): ErrorCode {
  if (status === 401) return "AUTH_INVALID";
  if (status === 403) return "AUTH_FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 405) return "METHOD_NOT_ALLOWED";
  if (status === 429) return "RATE_LIMITED";
  if (status >= 500) return "INTERNAL_ERROR";
  return "VALIDATION_ERROR";
}

/**
 * Better Auth answers errors as `{code, message}` (a 429 as `{message}`). Every error of this API carries the common
 * envelope, so those fields are added; Better Auth's own stay, for its client library.
 */
export async function withErrorEnvelope(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const text = await response.text();
  let original: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) original = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: only the envelope is sent.
  }
  const message = typeof original.message === "string" && original.message ? original.message : response.statusText;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  if (response.status === 401) headers.set("WWW-Authenticate", 'Bearer realm="todo-next"');
  // Better Auth's limiter says when to come back in its own header; clients read Retry-After.
  const retryAfter = response.headers.get("x-retry-after");
  if (response.status === 429 && retryAfter !== null && Number.isFinite(Number(retryAfter))) {
    headers.set("Retry-After", String(Math.max(1, Math.ceil(Number(retryAfter)))));
  }
  return Response.json(
    { ...original, ...errorBody(codeFor(response.status), message || "Request failed.") },
    { status: response.status, headers },
  );
}
