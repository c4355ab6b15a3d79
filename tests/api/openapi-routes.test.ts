import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth";
import { buildOpenApiDocument, routeFiles } from "@/lib/openapi/document";
import { ORIGIN } from "../support/api";
import { contractViolations, openApiDocument } from "../support/contract";

/**
 * The document and the route files agree: every method a route file exports has an operation,
 * and every documented operation is served. Methods a route exports only to answer 405
 * (`methodsNotAllowed(resource)` in lib/api/route.ts) are not operations: the path lists them under
 * `x-methods-not-allowed`, and their `Allow` header must name exactly the path's operations other
 * than OPTIONS.
 *
 * A fallback route (`unknownApiPath()`, the catch-all for paths no other route serves) answers
 * 404 NOT_FOUND ("No API endpoint at …") to every method: it has no operations, and the
 * document's description says so.
 *
 * The MCP endpoint and its OAuth discovery documents are protocols with specifications of their
 * own (MCP, RFC 9728, RFC 8414), described in docs/mcp.md and /docs/mcp, not operations of the
 * REST API: they are listed here by name (a route nobody listed still fails) and left out of the
 * document.
 *
 * OPTIONS (`preflight(resource)`, the CORS preflight) is a real operation, documented like the others
 * (a client may call it, and its answer is part of the contract). The 405's `Allow` leaves it out
 * because that is what the API sends (the methods that act on the resource); the preflight's own
 * `Allow` names every operation, OPTIONS included, and is checked here too, with the preflight's
 * whole answer validated against the document.
 */

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

interface RouteFile {
  file: string;
  /** The OpenAPI path, e.g. `/api/{user_id}/tasks`; for a catch-all, the prefix before it. */
  template: string;
  catchAll: boolean;
  /** Every method answers 404 NOT_FOUND: the catch-all for paths no other route serves. */
  fallback: boolean;
  methods: Map<string, { handler: Handler; allow?: string }>;
  /** The CORS preflight's answer (OPTIONS), asked from a trusted origin. */
  preflight?: { status: number; headers: Headers; text: string };
  url: string;
}

const PROTOCOL_ROUTES = ["/.well-known/oauth-authorization-server/api/auth", "/.well-known/oauth-protected-resource/api/mcp", "/api/mcp"];

const root = path.join(import.meta.dirname, "../..");
const document = openApiDocument();
let routes: RouteFile[] = [];

function templateOf(file: string): { template: string; catchAll: boolean; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  let catchAll = false;
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment)) // route groups add no path segment
    .flatMap((segment) => {
      const dynamic = /^\[\[?(\.\.\.)?([^[\]]+)\]?\]$/.exec(segment); // [x], [...x] or [[...x]]
      if (!dynamic) return [segment];
      if (dynamic[1]) {
        catchAll = true;
        params[dynamic[2]!] = ["openapi-route-probe"];
        return [];
      }
      params[dynamic[2]!] = "1";
      return [`{${dynamic[2]}}`];
    });
  return { template: `/${segments.join("/")}`, catchAll, params };
}

/**
 * Asks a handler without credentials: a 405 METHOD_NOT_ALLOWED marks a `methodsNotAllowed` handler
 * (`allow`), a 404 NOT_FOUND a fallback (no handler of an operation answers 404 without a token).
 */
async function probe(handler: Handler, method: string, url: string, params: Record<string, unknown>) {
  const response = await handler(new Request(url, { method }), { params: Promise.resolve(params) });
  const body = (await response.json().catch(() => undefined)) as { error_code?: string; detail?: string } | undefined;
  return {
    allow: response.status === 405 && body?.error_code === "METHOD_NOT_ALLOWED" ? (response.headers.get("allow") ?? "") : undefined,
    // (Better Auth's catch-all answers an unknown auth path with a 404 too, of its own.)
    notFound: response.status === 404 && body?.error_code === "NOT_FOUND" && Boolean(body.detail?.startsWith("No API endpoint at ")),
  };
}

beforeAll(async () => {
  const restRouteFiles = routeFiles(root).filter((file) => !PROTOCOL_ROUTES.includes(templateOf(file).template));
  routes = await Promise.all(
    restRouteFiles.map(async (file) => {
      const { template, catchAll, params } = templateOf(file);
      const routeModule = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const url = `${ORIGIN}${template.replace(/\{[^}]+\}/g, "1")}${catchAll ? "/openapi-route-probe" : ""}`;
      const methods = new Map<string, { handler: Handler; allow?: string }>();
      let notFound = 0;
      for (const method of HTTP_METHODS) {
        const handler = routeModule[method] as Handler | undefined;
        if (!handler) continue;
        const answer = await probe(handler, method, url, params);
        methods.set(method, { handler, allow: answer.allow });
        if (answer.notFound) notFound += 1;
      }
      const fallback = methods.size > 0 && notFound === methods.size;
      let preflight: RouteFile["preflight"];
      const options = methods.get("OPTIONS");
      if (options && options.allow === undefined && !fallback) {
        const request = new Request(url, { method: "OPTIONS", headers: { origin: ORIGIN, "access-control-request-method": "GET" } });
        const response = await options.handler(request, { params: Promise.resolve(params) });
        preflight = { status: response.status, headers: response.headers, text: await response.text() };
      }
      return { file, template, catchAll, fallback, methods, preflight, url };
    }),
  );
});

const operationsOf = (pathItem: Record<string, unknown>) =>
  HTTP_METHODS.filter((method) => pathItem[method.toLowerCase()] !== undefined);

const documentedUnder = (prefix: string) => Object.keys(document.paths).filter((template) => template.startsWith(`${prefix}/`));

function routeFor(template: string): RouteFile | undefined {
  const served = routes.filter((route) => !route.fallback);
  return served.find((route) => route.template === template) ?? served.find((route) => route.catchAll && template.startsWith(`${route.template}/`));
}

describe("OpenAPI document ↔ route files", () => {
  it("finds the protocol routes (MCP and its OAuth discovery), which the document leaves out", () => {
    expect(routeFiles(root).map((file) => templateOf(file).template).filter((template) => PROTOCOL_ROUTES.includes(template))).toEqual(PROTOCOL_ROUTES);
    for (const template of PROTOCOL_ROUTES) expect(document.paths[template]).toBeUndefined();
  });

  it("finds the route files of the API, /health and the document itself", () => {
    expect(routes.map((route) => route.template)).toEqual([
      "/api/{user_id}",
      "/api/{user_id}/tasks",
      "/api/{user_id}/tasks/{task_id}",
      "/api/{user_id}/tasks/export",
      "/api/auth",
      "/api/cron/cleanup",
      "/api/openapi.json",
      "/health",
    ]);
  });

  it("every method exported by a route file has an operation (a 405 handler: listed in x-methods-not-allowed)", () => {
    const problems: string[] = [];
    for (const route of routes.filter((candidate) => !candidate.fallback)) {
      for (const [method, { allow }] of route.methods) {
        const where = `${method} ${route.template}${route.catchAll ? "/*" : ""} (${route.file})`;
        if (route.catchAll) {
          if (!documentedUnder(route.template).some((template) => document.paths[template]![method.toLowerCase()])) {
            problems.push(`${where}: no documented operation under the catch-all`);
          }
          continue;
        }
        const pathItem = document.paths[route.template];
        if (!pathItem) {
          problems.push(`${where}: path not documented`);
        } else if (allow !== undefined) {
          const listed = (pathItem["x-methods-not-allowed"] as { methods?: string[] } | undefined)?.methods ?? [];
          if (!listed.includes(method)) problems.push(`${where}: 405 handler not listed in x-methods-not-allowed`);
          const operations = operationsOf(pathItem).filter((operation) => operation !== "OPTIONS");
          if (allow !== operations.join(", ")) problems.push(`${where}: Allow "${allow}" ≠ documented operations but OPTIONS`);
        } else if (!pathItem[method.toLowerCase()]) {
          problems.push(`${where}: no operation`);
        } else if (method === "OPTIONS" && route.preflight) {
          const { preflight } = route;
          if (preflight.headers.get("allow") !== operationsOf(pathItem).join(", ")) {
            problems.push(`${where}: preflight Allow "${preflight.headers.get("allow")}" ≠ documented operations`);
          }
          const pathname = new URL(route.url).pathname;
          problems.push(...contractViolations("OPTIONS", pathname, preflight).map((violation) => `${where}: ${violation}`));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("the one fallback (paths no route serves) answers the envelope's 404 to every method, as the document says", async () => {
    const fallbacks = routes.filter((route) => route.fallback);
    expect(fallbacks.map((route) => route.file)).toEqual([path.join("app", "api", "[user_id]", "[[...path]]", "route.ts")]);
    for (const [method, { handler }] of fallbacks[0]!.methods) {
      for (const [pathname, params] of [
        ["/api/u", { user_id: "u" }],
        ["/api/u/task", { user_id: "u", path: ["task"] }],
        ["/api/u/tasks/1/x", { user_id: "u", path: ["tasks", "1", "x"] }],
      ] as const) {
        const response = await handler(new Request(`${ORIGIN}${pathname}`, { method }), { params: Promise.resolve(params) });
        expect(response.status, `${method} ${pathname}`).toBe(404);
        expect(response.headers.get("x-request-id")).toBeTruthy();
        expect(await response.json()).toMatchObject({ error_code: "NOT_FOUND", detail: expect.stringContaining(`No API endpoint at ${pathname}.`) });
      }
    }
    expect([...fallbacks[0]!.methods.keys()]).toEqual(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
    expect((document.info as { description: string }).description).toContain("Any other path under `/api` answers 404 `NOT_FOUND`");
  });

  it("every documented operation is served: by its route file, or for /api/auth/* by Better Auth", () => {
    const betterAuth = Object.values(getAuth().api as Record<string, { path?: string; options?: { method?: string | string[] } }>);
    const problems: string[] = [];
    for (const [template, pathItem] of Object.entries(document.paths)) {
      const route = routeFor(template);
      if (!route) {
        problems.push(`${template}: no route file`);
        continue;
      }
      for (const method of operationsOf(pathItem)) {
        const served = route.methods.get(method);
        if (!served || served.allow !== undefined) problems.push(`${method} ${template}: not exported by ${route.file} (or only as a 405)`);
        if (route.catchAll) {
          // Better Auth writes path parameters as `:token`, OpenAPI as `{token}`.
          const subPath = template.slice(route.template.length).replace(/\{([^}]+)\}/g, ":$1");
          const endpoint = betterAuth.find((candidate) => candidate.path === subPath && [candidate.options?.method].flat().includes(method));
          if (!endpoint) problems.push(`${method} ${template}: Better Auth serves no ${method} ${subPath}`);
        }
      }
      for (const method of (pathItem["x-methods-not-allowed"] as { methods?: string[] } | undefined)?.methods ?? []) {
        if (route.methods.get(method)?.allow === undefined) problems.push(`${method} ${template}: listed as 405 but not a 405 handler`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("GET /api/openapi.json – 200 with the document, prerendered at build time (force-static)", async () => {
    const route = await import("@/app/api/openapi.json/route");
    expect(route.dynamic).toBe("force-static");
    const response = route.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual(buildOpenApiDocument());
    // Its documented schema types every member a client reads (generated code gets open objects, not empty ones).
    expect(contractViolations("GET", "/api/openapi.json", { status: response.status, headers: response.headers, text })).toEqual([]);
  });
});
