import "server-only";
import { verifyAccessToken } from "@/lib/api/access-token";
import { AppError } from "@/lib/errors";

const BEARER = /^Bearer[ \t]+([A-Za-z0-9\-_.~+/]+=*)[ \t]*$/i;

/** The token of `Authorization: Bearer <token>`; AUTH_MISSING without one, AUTH_INVALID if malformed. */
export function bearerToken(request: Request): string {
  const header = request.headers.get("authorization");
  if (!header) throw new AppError("AUTH_MISSING", "Authentication required: send Authorization: Bearer <token>.");
  const match = BEARER.exec(header);
  if (!match?.[1]) {
    if (!/^Bearer(\s|$)/i.test(header)) {
      throw new AppError("AUTH_MISSING", "Authentication required: the Authorization scheme must be Bearer.");
    }
    throw new AppError("AUTH_INVALID", "Invalid access token: malformed.");
  }
  return match[1];
}

/**
 * The API's only authentication: `Authorization: Bearer <jwt>`. Session cookies are ignored on
 * purpose, so a page on another site cannot make a signed-in browser act through its cookies.
 */
export async function authenticate(request: Request): Promise<string> {
  return verifyAccessToken(bearerToken(request));
}

/** The token's user must be the user named in the path; nobody acts on another user's tasks. */
export function authorizePathUser(tokenUserId: string, pathUserId: string): void {
  if (tokenUserId !== pathUserId) {
    throw new AppError("AUTH_FORBIDDEN", "You may only access your own tasks.");
  }
}
