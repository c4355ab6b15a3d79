import { Client, StreamableHTTPClientTransport, type FetchLike } from "@modelcontextprotocol/client";
import { dispatch, ORIGIN, type TestUser } from "./api";
import { TestAssistant, type Exchange } from "./assistant";

export { TestAssistant };

/**
 * The official MCP SDK client against the app's route handlers, in-process: its `fetch` is the
 * router of tests/support/api.ts, and a person's browser is played by `browse` (the session
 * cookie, the consent page's request).
 */

export const MCP_URL = `${ORIGIN}/api/mcp`;

/** The SDK's fetch, served by the route handlers; with `log`, each request is written down. */
export function inProcessFetch(log?: Exchange[]): FetchLike {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await dispatch(request);
    const url = new URL(request.url);
    log?.push(`${request.method} ${url.pathname} ${response.status}`);
    return response;
  };
}

export function transportFor(assistant: TestAssistant, url = MCP_URL) {
  return new StreamableHTTPClientTransport(new URL(url), { authProvider: assistant, fetch: inProcessFetch(assistant.log) });
}

export function newClient() {
  return new Client({ name: "todo-next-tests", version: "1.0.0" });
}

/** A request of the person's browser: their session cookie and the app's own Origin. */
export async function browse(user: TestUser, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("cookie", user.cookie);
  if (init.method && init.method !== "GET") headers.set("origin", ORIGIN);
  return inProcessFetch()(new URL(url, ORIGIN), { ...init, headers, redirect: "manual" });
}

export type Decision = "allow" | "deny";

/**
 * The person's side of an authorization: open the authorization URL signed in; on the consent
 * page, answer as the page's buttons do. Returns the URL the browser is sent back to (the
 * assistant's redirect URI, with `code` and `iss`, or `error`).
 */
export async function authorizeInBrowser(user: TestUser, authorizationUrl: URL, decision: Decision = "allow"): Promise<URL> {
  const response = await browse(user, authorizationUrl.href);
  if (response.status !== 302) throw new Error(`authorize: ${response.status} ${await response.text()}`);
  const location = new URL(response.headers.get("location")!, ORIGIN);
  if (location.pathname !== "/oauth/consent") return location;
  const consent = await browse(user, "/api/auth/oauth2/consent", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accept: decision === "allow", oauth_query: location.search.slice(1) }),
  });
  if (consent.status !== 200) throw new Error(`consent: ${consent.status} ${await consent.text()}`);
  const { url } = (await consent.json()) as { url: string };
  return new URL(url);
}

/**
 * The whole connection, as an assistant makes it: connect, get a 401, discover, register,
 * send the person to authorize (they allow), exchange the code with PKCE, connect again.
 */
export async function connect(user: TestUser, assistant = new TestAssistant()): Promise<{ client: Client; assistant: TestAssistant }> {
  const first = newClient();
  await first.connect(transportFor(assistant)).then(
    () => {
      throw new Error("connected without authorization");
    },
    (error: unknown) => {
      if (!assistant.authorizationUrl) throw error;
    },
  );
  const callback = await authorizeInBrowser(user, assistant.authorizationUrl!);
  const transport = transportFor(assistant);
  await transport.finishAuth(callback.searchParams);
  const client = newClient();
  await client.connect(transportFor(assistant));
  return { client, assistant };
}
