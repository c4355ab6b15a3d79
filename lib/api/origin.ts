import "server-only";
import { isAllowedOrigin } from "@/lib/api/cors";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Browsers name the page that sent a request in `Origin`. A page of a foreign origin is refused
 * before anything else happens, the same rule Better Auth applies to the auth endpoints. Clients
 * that are not browsers send no Origin and are judged by their token alone.
 */
export function assertTrustedOrigin(request: Request): void {
  if (hasForeignOrigin(request)) {
    throw new AppError("AUTH_FORBIDDEN", `Requests from origin ${String(request.headers.get("origin")).slice(0, 100)} are not allowed.`);
  }
}

export function hasForeignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  return origin !== null && !isAllowedOrigin(origin);
}

const trustedHostnames = new Set(env.trustedOrigins.map((origin) => new URL(origin).hostname));

/**
 * DNS rebinding: a page on evil.example whose name is made to resolve to this server reaches it
 * with `Host: evil.example`. Only the app's own host names (those of its trusted origins) are
 * served, on any port (a proxy in front may listen on another).
 */
export function hasForeignHost(request: Request): boolean {
  const host = request.headers.get("host") ?? new URL(request.url).host;
  try {
    return !trustedHostnames.has(new URL(`http://${host}`).hostname);
  } catch {
    return true;
  }
}

/** Host and Origin both the app's own (or absent Origin): 403 AUTH_FORBIDDEN otherwise. */
export function assertTrustedHostAndOrigin(request: Request): void {
  if (hasForeignHost(request)) {
    throw new AppError("AUTH_FORBIDDEN", `Requests for host ${String(request.headers.get("host")).slice(0, 100)} are not allowed.`);
  }
  assertTrustedOrigin(request);
}
