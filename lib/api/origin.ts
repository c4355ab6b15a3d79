import "server-only";
import { isAllowedOrigin } from "@/lib/api/cors";
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
