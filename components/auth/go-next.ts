/**
 * After signing in or up: an app page opens in the client router; an API path (the OAuth
 * authorization an assistant started, lib/oauth/resume.ts) needs a real navigation, as its
 * answer is a redirect away from the app.
 */
export function goNext(next: string, replace: (href: string) => void): void {
  if (next.startsWith("/api/")) window.location.assign(next);
  else replace(next);
}
