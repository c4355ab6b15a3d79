/** Where signing in leads when nothing (or nothing safe) was asked for. */
export const DEFAULT_AFTER_SIGN_IN = "/tasks";

/**
 * The `next` parameter of the sign-in page, accepted only as a path on this site. Anything that
 * could leave the origin (`//evil.example`, `/\evil.example`, `https://…`, control characters) or
 * loop back into the auth pages falls back to the task page.
 */
export function safeRedirectTarget(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.length > 512) return DEFAULT_AFTER_SIGN_IN;
  if (next.startsWith("//") || next.includes("\\") || /[\u0000-\u001f\u007f]/.test(next)) return DEFAULT_AFTER_SIGN_IN;
  const url = new URL(next, "http://same-origin.invalid");
  if (url.origin !== "http://same-origin.invalid") return DEFAULT_AFTER_SIGN_IN;
  if (url.pathname === "/sign-in" || url.pathname === "/sign-up") return DEFAULT_AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, asked to come back to `path` afterwards. */
export function signInPath(path: string): string {
  return `/sign-in?${new URLSearchParams({ next: safeRedirectTarget(path) })}`;
}
