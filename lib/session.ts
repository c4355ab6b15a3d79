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

export interface AccountSession {
  user: SessionUser & { emailVerified: boolean };
  /** The id of the session behind the cookie, to mark "this device" in the settings. */
  sessionId: string;
}

/** The session behind a request's cookie with what the settings page needs, or null. */
export async function getAccountSession(requestHeaders: Headers): Promise<AccountSession | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, name, email, emailVerified } = session.user;
  return { user: { id, name, email, emailVerified }, sessionId: session.session.id };
}
