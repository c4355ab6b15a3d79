import "server-only";
import { env } from "@/lib/env";

/**
 * CORS for the task API: same-origin by default; pages on the trusted origins (the app's own,
 * plus TRUSTED_ORIGINS) may call it from the browser and read the headers a client needs.
 */
const allowed = new Set(env.trustedOrigins);

const EXPOSED = ["ETag", "Location", "Link", "Retry-After", "RateLimit", "RateLimit-Policy", "X-Request-Id", "Idempotent-Replayed", "Content-Disposition"];
const REQUEST_HEADERS = ["Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", "X-Request-Id"];

export function isAllowedOrigin(origin: string | null): origin is string {
  return origin !== null && allowed.has(origin);
}

/** Adds the CORS response headers for an allowed Origin (any response, errors included). */
export function applyCors(request: Request, response: Response): void {
  const origin = request.headers.get("origin");
  response.headers.append("Vary", "Origin");
  if (!isAllowedOrigin(origin)) return;
  response.headers.set("Access-Control-Allow-Origin", origin);
  response.headers.set("Access-Control-Expose-Headers", EXPOSED.join(", "));
}

/** The answer to a preflight (OPTIONS) request. */
export function preflightResponse(request: Request, methods: string[]): Response {
  const origin = request.headers.get("origin");
  const headers = new Headers({ Allow: [...methods, "OPTIONS"].join(", ") });
  if (isAllowedOrigin(origin)) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Allow-Methods", [...methods, "OPTIONS"].join(", "));
    headers.set("Access-Control-Allow-Headers", REQUEST_HEADERS.join(", "));
    headers.set("Access-Control-Max-Age", "600");
  }
  headers.set("Vary", "Origin");
  return new Response(null, { status: 204, headers });
}
