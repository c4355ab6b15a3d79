import "server-only";
import { readLimited, toFieldErrors, validationFailed } from "@/lib/api/request-body";
import { AccountFieldLimits } from "@/lib/auth-schema";
import { AppError } from "@/lib/errors";

/** Account requests are a few hundred bytes; `next start` itself bounds no request body. */
export const AUTH_BODY_MAX_BYTES = 16 * 1024;

// The media types Better Auth (better-call) parses, tested the way it tests them: whatever it
// would read as fields is checked here first.
const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json/i;
const FORM_TYPE = "application/x-www-form-urlencoded";

/** The body's fields as Better Auth will see them, or undefined for a body it reads as no fields. */
function fieldsOf(bytes: Uint8Array, contentType: string): unknown {
  // Decoded as Request.json() and .formData() decode: UTF-8, a byte-order mark dropped.
  const text = new TextDecoder().decode(bytes);
  if (JSON_TYPE.test(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      throw new AppError("VALIDATION_ERROR", "Request body is not valid JSON.", { status: 400 });
    }
  }
  if (contentType.toLowerCase().includes(FORM_TYPE)) return Object.fromEntries(new URLSearchParams(text));
  return undefined;
}

/**
 * A POST to /api/auth/*, made safe to hand to Better Auth: the body is read as a stream and
 * refused with 413 past 16 KiB (a larger Content-Length at once, before a byte is read), and the
 * account fields in it (name, email, password, …) are held to the account rules, 422 naming each
 * field that breaks them. Returns a request carrying the same bytes.
 */
export async function boundedAuthRequest(request: Request): Promise<Request> {
  const bytes = await readLimited(request, AUTH_BODY_MAX_BYTES);
  const fields = fieldsOf(bytes, request.headers.get("content-type") ?? "");
  if (fields !== null && typeof fields === "object" && !Array.isArray(fields)) {
    const result = AccountFieldLimits.safeParse(fields);
    if (!result.success) throw validationFailed(toFieldErrors(result.error, "body"));
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: request.body ? bytes : null });
}
