import "server-only";
import { getAuth } from "@/lib/auth";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

/**
 * The signed-in user behind a request's session cookie, checked against the session table (the
 * proxy only looks for the cookie), or null. Pages use it; the task API never does.
 */
export async function getSessionUser(requestHeaders: Headers): Promise<SessionUser | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, name, email } = session.user;
  return { id, name, email };
}
