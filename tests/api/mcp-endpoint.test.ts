import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/logger";
import { mcpSettings } from "@/lib/mcp/settings";
import { ORIGIN, signUp, type TestUser } from "../support/api";
import { databaseProxy, usingPostgres } from "../support/database";
import { connect, inProcessFetch, MCP_URL } from "../support/mcp";
import { sign, trustedKey, validClaims, type SigningKey } from "../support/tokens";

/**
 * The MCP endpoint's HTTP edge, with plain requests: what reaches the MCP server and what is
 * refused before (DNS rebinding, body size, tokens), in the 2025 protocol's shape (the
 * conformance suite's client speaks it too).
 */

const fetchApp = inProcessFetch();
const ACCEPT = "application/json, text/event-stream";

let user: TestUser;
let token: string;

beforeAll(async () => {
  user = await signUp();
  const { assistant } = await connect(user);
  token = assistant.stored!.access_token;
});

afterEach(() => {
  databaseProxy()?.setMode("pass");
  vi.restoreAllMocks();
});

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetchApp(MCP_URL, {
    method: "POST",
    headers: { "content-type": "application/json", accept: ACCEPT, authorization: `Bearer ${token}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The JSON-RPC message of a response, sent as JSON or as one SSE event. */
async function message(response: Response): Promise<any> {
  const text = await response.text();
  if (!response.headers.get("content-type")?.includes("text/event-stream")) return JSON.parse(text);
  const data = text.split("\n").find((line) => line.startsWith("data: "));
  return JSON.parse(data!.slice("data: ".length));
}

const initialize = (id = 1) => ({
  jsonrpc: "2.0",
  id,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
});

describe("POST /api/mcp – the protocol", () => {
  it("initialize – the server's name, its instructions and the tools capability", async () => {
    const response = await post(initialize());
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toEqual(expect.any(String));
    const { result } = await message(response);
    expect(result).toMatchObject({
      protocolVersion: "2025-06-18",
      serverInfo: { name: "todo-next", version: "1.0.0" },
      capabilities: { tools: expect.any(Object) },
      instructions: expect.stringContaining("list_tasks"),
    });
  });

  it("tools/call without initialize (the server is stateless) – a tool error in the result, never a JSON-RPC error", async () => {
    const response = await post({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "get_task", arguments: { task_id: 0 } } });
    expect(response.status).toBe(200);
    const reply = await message(response);
    expect(reply.id).toBe(7);
    expect(reply.result).toMatchObject({ isError: true, structuredContent: { error_code: "VALIDATION_ERROR" } });
  });

  it("400 parse error for a body that is not JSON; 415 for one that is not declared JSON; 406 for a client that accepts no event stream", async () => {
    const broken = await post("{not json");
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe(-32700);
    const text = await post(initialize(), { "content-type": "text/plain" });
    expect(text.status).toBe(415);
    const jsonOnly = await post(initialize(), { accept: "application/json" });
    expect(jsonOnly.status).toBe(406);
  });

  it("GET and DELETE – 405: there are no sessions to stream or end", async () => {
    for (const method of ["GET", "DELETE"]) {
      const response = await fetchApp(MCP_URL, { method, headers: { accept: ACCEPT, authorization: `Bearer ${token}` } });
      expect(response.status, method).toBe(405);
    }
  });
});

describe("POST /api/mcp – refused before the MCP server", () => {
  it("403 for a foreign Host (DNS rebinding), even with a valid token; the app's own hosts, on any port, pass", async () => {
    for (const host of ["evil.example.com", "evil.example.com:3000", "localhost.evil.example.com"]) {
      const response = await post(initialize(), { host });
      expect(response.status, host).toBe(403);
      expect(await response.json()).toMatchObject({
        jsonrpc: "2.0",
        id: null,
        error: { code: -32000, message: expect.stringContaining("not allowed"), data: { error_code: "AUTH_FORBIDDEN" } },
      });
    }
    for (const host of ["localhost:3000", "localhost:8080", "127.0.0.1:3000"]) expect((await post(initialize(), { host })).status, host).toBe(200);
  });

  it("403 for a page on a foreign Origin; the app's own origin passes", async () => {
    const foreign = await post(initialize(), { origin: "http://evil.example.com" });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.data.error_code).toBe("AUTH_FORBIDDEN");
    expect((await post(initialize(), { origin: ORIGIN })).status).toBe(200);
  });

  it("413 for a body over 64 KiB, JSON-RPC-shaped, without reading it all", async () => {
    const huge = JSON.stringify({ ...initialize(), padding: "x".repeat(70_000) });
    const response = await post(huge);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { data: { error_code: "VALIDATION_ERROR", detail: "Request body must be at most 65536 bytes." } } });
  });

  it("401 for an expired token, or a token for this endpoint that names no client (as a forged one would)", async () => {
    const key: SigningKey = await trustedKey();
    const now = Math.floor(Date.now() / 1000);
    const base = { ...validClaims(user.id, now), aud: mcpSettings.resource, azp: "some-client", scope: "tasks:read" };
    const cases: [string, Record<string, unknown>, string][] = [
      ["expired", { ...base, iat: now - 1000, exp: now - 1 }, "Invalid access token: expired."],
      ["no client", { ...base, azp: undefined }, "Invalid access token: no client."],
      ["no scope", { ...base, scope: undefined }, "Invalid access token: no scope."],
      ["no connection", base, "Invalid access token: the connection was revoked."],
    ];
    for (const [name, claims, detail] of cases) {
      const response = await post(initialize(), { authorization: `Bearer ${await sign(key, claims)}` });
      expect(response.status, name).toBe(401);
      expect(response.headers.get("www-authenticate"), name).toMatch(/^Bearer resource_metadata=".+", scope=".+", error="invalid_token", error_description=".+"$/);
      expect(await response.json(), name).toMatchObject({ error: "invalid_token", error_code: "AUTH_INVALID", detail });
    }
  });

  it("401 AUTH_MISSING for another scheme; the log line says so, with no user", async () => {
    const info = vi.spyOn(logger, "info");
    const response = await post(initialize(), { authorization: "Basic dXNlcjpwYXNz" });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).not.toMatch(/error=/);
    await response.text(); // the line is written once the response is sent
    const line = info.mock.calls.map(([entry]) => entry as unknown as Record<string, unknown>).find((entry) => entry.route === "/api/mcp");
    expect(line).toEqual({ request_id: expect.any(String), method: "POST", route: "/api/mcp", status: 401, duration_ms: expect.any(Number), error_code: "AUTH_MISSING" });
  });
});

describe.runIf(usingPostgres)("POST /api/mcp – the database down", () => {
  it("500 DATABASE_ERROR (JSON-RPC-shaped, Retry-After), not a 401 that would send the client to sign in again", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    databaseProxy()!.setMode("refuse");
    const response = await post(initialize());
    expect(response.status).toBe(500);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(await response.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32603, data: { error_code: "DATABASE_ERROR" } } });
  });
});
