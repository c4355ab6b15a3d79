import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { signInPath } from "@/lib/redirect-target";

/**
 * Signed-out visitors of the task and settings pages go to sign-in and come back afterwards. Only
 * the session cookie's presence is checked here (no database); the page verifies the session.
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request)) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  return NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url));
}

export const config = { matcher: ["/tasks/:path*", "/settings/:path*"] };
