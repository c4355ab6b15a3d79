import { safeRedirectTarget } from "@/lib/redirect-target";

type SearchParams = Record<string, string | string[] | undefined>;

// Parameters the OAuth provider adds to the pages it redirects to (its signature of the query).
const SIGNATURE_PARAMS = new Set(["sig", "exp", "ba_iat", "ba_pl", "ba_param"]);
const MAX_RESUME_LENGTH = 4096;

/**
 * An authorization sends a signed-out person to the sign-in page with its own query (client_id,
 * redirect_uri, PKCE challenge, …, signed). After signing in (or up), the person goes back to the
 * authorization endpoint with that query, which leads on to the consent page; `prompt=login` is
 * dropped, as it has just been honoured. Undefined when the page was not reached that way.
 */
export function authorizationResumePath(params: SearchParams): string | undefined {
  if (typeof params.sig !== "string" || typeof params.client_id !== "string") return undefined;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (SIGNATURE_PARAMS.has(name)) continue;
    for (const item of [value ?? []].flat()) {
      const kept = name === "prompt" ? item.split(" ").filter((prompt) => prompt !== "login").join(" ") : item;
      if (kept) query.append(name, kept);
    }
  }
  const path = `/api/auth/oauth2/authorize?${query}`;
  return path.length <= MAX_RESUME_LENGTH ? path : undefined;
}

/** Where the sign-in and sign-up pages lead, and the query that carries it from one page to the other. */
export function afterAuthentication(params: SearchParams): { next: string; carry: string; connecting: boolean } {
  const resume = authorizationResumePath(params);
  if (resume) {
    const carry = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) for (const item of [value ?? []].flat()) carry.append(name, item);
    return { next: resume, carry: carry.toString(), connecting: true };
  }
  const next = safeRedirectTarget(params.next);
  return { next, carry: new URLSearchParams({ next }).toString(), connecting: false };
}
