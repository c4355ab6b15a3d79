import { randomUUID } from "node:crypto";
import http from "node:http";
import { Client, StreamableHTTPClientTransport, type FetchLike } from "@modelcontextprotocol/client";
import { TestAssistant } from "../support/assistant";

/**
 * An assistant and a person against a running server, over real HTTP: the SDK client connects
 * (401, discovery, registration, token), the person's "browser" (a cookie jar of one cookie)
 * signs up, opens the authorization, reads the consent page and answers it, and later
 * disconnects the app on the Connected apps page. Every request is written to `transcript`.
 */

export interface HttpPerson {
  id: string;
  email: string;
  cookie: string;
  /** A REST API token. */
  token: string;
}

export class Transcript {
  readonly lines: string[] = [];

  constructor(private readonly baseUrl: string) {}

  note(text: string) {
    this.lines.push(`# ${text}`);
  }

  record(method: string, url: URL, status: number) {
    const where = url.origin === this.baseUrl ? url.pathname : `${url.origin}${url.pathname}`;
    const query = url.search.length > 60 ? `${url.search.slice(0, 57)}...` : url.search;
    this.lines.push(`${method} ${where}${query} -> ${status}`);
  }

  /** fetch, writing `METHOD path -> status` (the query string shortened) for each request. */
  readonly fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request, { redirect: "manual" });
    this.record(request.method, new URL(request.url), response.status);
    return response;
  };

  /**
   * A page navigation, as a browser makes it. Not with fetch: Node's fetch always sends
   * `Sec-Fetch-Mode: cors`, and the OAuth provider answers what it takes for a script's fetch
   * with JSON instead of the redirect a navigation gets.
   */
  navigate(url: URL, cookie: string): Promise<{ status: number; location: string | null; html: string }> {
    return new Promise((resolve, reject) => {
      const request = http.get(url, { headers: { cookie, accept: "text/html", "sec-fetch-mode": "navigate" } }, (response) => {
        let html = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (html += chunk));
        response.on("end", () => {
          this.record("GET", url, response.statusCode ?? 0);
          resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, html });
        });
      });
      request.on("error", reject);
    });
  }
}

export async function signUpOverHttp(baseUrl: string, transcript: Transcript): Promise<HttpPerson> {
  const email = `mcp-${randomUUID().slice(0, 8)}@example.com`;
  const signUp = await transcript.fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ name: "MCP Person", email, password: "correct-horse-battery" }),
  });
  if (signUp.status !== 200) throw new Error(`sign-up: ${signUp.status} ${await signUp.text()}`);
  const cookie = signUp.headers.getSetCookie().find((value) => value.startsWith("better-auth.session_token="))!.split(";")[0]!;
  const { user } = (await signUp.json()) as { user: { id: string } };
  const token = (await (await transcript.fetch(`${baseUrl}/api/auth/token`, { headers: { cookie } })).json()) as { token: string };
  return { id: user.id, email, cookie, token: token.token };
}

/** A script's request from one of the app's pages: the person's cookie and the app's Origin. */
function post(baseUrl: string, person: HttpPerson, transcript: Transcript, path: string, init: RequestInit) {
  const headers = new Headers(init.headers);
  headers.set("cookie", person.cookie);
  headers.set("origin", baseUrl);
  return transcript.fetch(new URL(path, baseUrl), { ...init, method: "POST", headers });
}

/** The person opens the authorization, sees the consent page, and answers it. Returns the consent page and the callback. */
export async function authorizeOverHttp(baseUrl: string, person: HttpPerson, transcript: Transcript, authorizationUrl: URL, accept = true) {
  const authorize = await transcript.navigate(authorizationUrl, person.cookie);
  if (authorize.status !== 302 || !authorize.location) throw new Error(`authorize: ${authorize.status} ${authorize.html}`);
  const consentUrl = new URL(authorize.location, baseUrl);
  const page = await transcript.navigate(consentUrl, person.cookie);
  const html = page.html;
  const answer = await post(baseUrl, person, transcript, "/api/auth/oauth2/consent", {
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accept, oauth_query: consentUrl.search.slice(1) }),
  });
  if (answer.status !== 200) throw new Error(`consent: ${answer.status} ${await answer.text()}`);
  const { url } = (await answer.json()) as { url: string };
  return { consentPage: { status: page.status, html }, callback: new URL(url) };
}

export function transportFor(baseUrl: string, assistant: TestAssistant, transcript: Transcript) {
  return new StreamableHTTPClientTransport(new URL("/api/mcp", baseUrl), { authProvider: assistant, fetch: transcript.fetch });
}

/** The assistant connects for the person (who allows it); returns the connected SDK client. */
export async function connectOverHttp(baseUrl: string, person: HttpPerson, transcript: Transcript, assistant = new TestAssistant("Smoke Assistant")) {
  transcript.note("the assistant connects: 401, discovery, registration");
  await new Client({ name: "todo-next-smoke", version: "1.0.0" }).connect(transportFor(baseUrl, assistant, transcript)).catch((error: unknown) => {
    if (!assistant.authorizationUrl) throw error;
  });
  transcript.note("the person authorizes in the browser: consent page, Allow");
  const { consentPage, callback } = await authorizeOverHttp(baseUrl, person, transcript, assistant.authorizationUrl!);
  transcript.note("the assistant exchanges the code (PKCE) and connects");
  await transportFor(baseUrl, assistant, transcript).finishAuth(callback.searchParams);
  const client = new Client({ name: "todo-next-smoke", version: "1.0.0" });
  await client.connect(transportFor(baseUrl, assistant, transcript));
  return { client, assistant, consentPage };
}

/** The person disconnects the app on the Connected apps page, as its form does without JavaScript. */
export async function disconnectOverHttp(baseUrl: string, person: HttpPerson, transcript: Transcript, clientId: string) {
  const { html } = await transcript.navigate(new URL("/settings/connected-apps", baseUrl), person.cookie);
  const action = /name="(\$ACTION_ID_[^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error("no server action on the Connected apps page");
  const form = new FormData();
  form.set(action, "");
  form.set("client_id", clientId);
  return post(baseUrl, person, transcript, "/settings/connected-apps", { body: form });
}

/** The Connected apps page as the person sees it. */
export async function connectedAppsPage(baseUrl: string, person: HttpPerson, transcript: Transcript) {
  return (await transcript.navigate(new URL("/settings/connected-apps", baseUrl), person.cookie)).html;
}
