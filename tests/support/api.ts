import { randomUUID } from "node:crypto";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as taskRoute from "@/app/api/[user_id]/tasks/[task_id]/route";
import * as exportRoute from "@/app/api/[user_id]/tasks/export/route";
import * as tasksRoute from "@/app/api/[user_id]/tasks/route";
import * as cleanupRoute from "@/app/api/cron/cleanup/route";
import * as authServerMetadataRoute from "@/app/.well-known/oauth-authorization-server/api/auth/route";
import * as resourceMetadataRoute from "@/app/.well-known/oauth-protected-resource/api/mcp/route";
import * as mcpRoute from "@/app/api/mcp/route";
import * as healthRoute from "@/app/health/route";
import { assertMatchesContract } from "./contract";

/**
 * Drives the real route handlers in-process, as Next would: a Request in, a Response out.
 * Only the routing (which module and method serves a path) is done here.
 */

export const ORIGIN = "http://localhost:3000";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

function route(path: string): { module: Record<string, unknown>; params: Record<string, string | string[]> } {
  const pathname = path.split("?")[0] ?? path;
  // A static segment wins over a dynamic one, as in Next's router.
  let match = /^\/api\/([^/]+)\/tasks\/export$/.exec(pathname);
  if (match) return { module: exportRoute, params: { user_id: decodeURIComponent(match[1]!) } };
  match = /^\/api\/([^/]+)\/tasks\/([^/]+)$/.exec(pathname);
  if (match) return { module: taskRoute, params: { user_id: decodeURIComponent(match[1]!), task_id: decodeURIComponent(match[2]!) } };
  match = /^\/api\/([^/]+)\/tasks$/.exec(pathname);
  if (match) return { module: tasksRoute, params: { user_id: decodeURIComponent(match[1]!) } };
  match = /^\/api\/auth\/(.+)$/.exec(pathname);
  if (match) return { module: authRoute, params: { all: match[1]!.split("/") } };
  if (pathname === "/health") return { module: healthRoute, params: {} };
  if (pathname === "/api/cron/cleanup") return { module: cleanupRoute, params: {} };
  if (pathname === "/api/mcp") return { module: mcpRoute, params: {} };
  if (pathname === "/.well-known/oauth-protected-resource/api/mcp") return { module: resourceMetadataRoute, params: {} };
  if (pathname === "/.well-known/oauth-authorization-server/api/auth") return { module: authServerMetadataRoute, params: {} };
  throw new Error(`No route for ${path}`);
}

/** One request through the route handler Next would pick, in-process (no contract check). */
export async function dispatch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const { module, params } = route(url.pathname);
  const handler = module[request.method] as Handler | undefined;
  if (!handler) return new Response(null, { status: 405 });
  return handler(request, { params: Promise.resolve(params) });
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  /** A value to send as JSON, or a string sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

export async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`${ORIGIN}${path}`, { method, headers, body });
  const { module, params } = route(path);
  const handler = module[method] as Handler | undefined;
  if (!handler) throw new Error(`${path} exports no ${method}`);
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  // Every response of the API tests must be what the OpenAPI document says it is.
  assertMatchesContract(method, new URL(request.url).pathname, { status: response.status, headers: response.headers, text });
  let parsed: unknown = text;
  if (response.headers.get("content-type")?.includes("json") && text) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  cookie: string;
}

/** The session cookie a response sets, as a `Cookie` header value. */
export function sessionCookie(response: ApiResponse): string {
  const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith("better-auth.session_token="));
  if (!setCookie) throw new Error(`no session cookie (status ${response.status}: ${response.text})`);
  return setCookie.split(";")[0]!;
}

/** Signs a new, unique user up through the real auth endpoints and fetches their JWT. */
export async function signUp(name = "Test User"): Promise<TestUser> {
  const email = `user-${randomUUID()}@example.com`;
  const password = "correct-horse-battery";
  const signUpResponse = await call("POST", "/api/auth/sign-up/email", { body: { name, email, password } });
  if (signUpResponse.status !== 200) throw new Error(`sign-up failed: ${signUpResponse.status} ${signUpResponse.text}`);
  const cookie = sessionCookie(signUpResponse);
  const tokenResponse = await call<{ token: string }>("GET", "/api/auth/token", { headers: { cookie } });
  return { id: (signUpResponse.body as { user: { id: string } }).user.id, email, password, token: tokenResponse.body.token, cookie };
}

export function tasksPath(user: { id: string } | string, taskId?: number | string): string {
  const id = typeof user === "string" ? user : user.id;
  return `/api/${encodeURIComponent(id)}/tasks${taskId === undefined ? "" : `/${taskId}`}`;
}

export async function createTask(user: TestUser, body: Record<string, unknown> = { title: "A task" }) {
  const response = await call("POST", tasksPath(user), { token: user.token, body });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.text}`);
  return response.body as { id: number; title: string; description: string | null; complete: boolean; created_at: string; updated_at: string; user_id: string };
}
