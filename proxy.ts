import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { signInPath } from "@/lib/redirect-target";
import { newNonce, pageContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers";

const https = env.baseUrl.startsWith("https://");
const development = env.nodeEnv === "development";
const SIGNED_IN_ONLY = ["/tasks", "/settings"];

/**
 * Every page gets a script policy with a nonce of its own (Next reads it from the request's
 * Content-Security-Policy header and puts it on its scripts; pages render per request, see
 * app/layout.tsx), and HSTS when the app is public over https. Signed-out visitors of the task
 * and settings pages go to sign-in and come back afterwards: only the session cookie's presence
 * is checked here (no database); the page verifies the session itself.
 */
export function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy(newNonce(), { development, https });
  const { pathname, search } = request.nextUrl;
  let response: NextResponse;
  if (SIGNED_IN_ONLY.some((page) => pathname === page || pathname.startsWith(`${page}/`)) && !getSessionCookie(request)) {
    response = NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url));
  } else {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

// Pages only: API routes and /health answer JSON with a fixed policy (next.config.ts) and skip
// this step; built assets need no policy.
export const config = {
  matcher: ["/((?!api/|api$|health$|_next/static/|_next/image|icon\\.svg$|favicon\\.ico$).*)"],
};
