import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { jwtSettings } from "@/lib/jwt-settings";
import { mcpSettings } from "@/lib/mcp/settings";
import { listConnections, revokeConnection } from "@/lib/oauth/connections";
import { call, ORIGIN, signUp, tasksPath } from "../support/api";
import { authorizeInBrowser, browse, connect, inProcessFetch, MCP_URL, newClient, TestAssistant, transportFor } from "../support/mcp";
import { decodeJwt } from "../support/tokens";

const fetchApp = inProcessFetch();

async function postMcp(token?: string) {
  return fetchApp(MCP_URL, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
  });
}

describe("MCP authorization: discovery", () => {
  it("POST /api/mcp – 401 without a token; WWW-Authenticate names the resource metadata and the scopes", async () => {
    const response = await postMcp();
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(
      `Bearer resource_metadata="${ORIGIN}/.well-known/oauth-protected-resource/api/mcp", scope="tasks:read tasks:write"`,
    );
    expect(await response.json()).toMatchObject({ error_code: "AUTH_MISSING", detail: expect.stringContaining("Authorization: Bearer") });
  });

  it("GET /.well-known/oauth-protected-resource/api/mcp – the resource, its authorization server and scopes (RFC 9728)", async () => {
    const response = await fetchApp(`${ORIGIN}/.well-known/oauth-protected-resource/api/mcp`);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({
      resource: `${ORIGIN}/api/mcp`,
      authorization_servers: [`${ORIGIN}/api/auth`],
      scopes_supported: ["tasks:read", "tasks:write"],
      bearer_methods_supported: ["header"],
      resource_name: "todo-next tasks",
      resource_documentation: `${ORIGIN}/docs`,
    });
  });

  it("GET /.well-known/oauth-authorization-server/api/auth – the issuer's metadata (RFC 8414): code + PKCE S256, registration, scopes", async () => {
    const response = await fetchApp(`${ORIGIN}/.well-known/oauth-authorization-server/api/auth`);
    expect(response.status).toBe(200);
    const metadata = await response.json();
    expect(metadata).toMatchObject({
      issuer: `${ORIGIN}/api/auth`,
      authorization_endpoint: `${ORIGIN}/api/auth/oauth2/authorize`,
      token_endpoint: `${ORIGIN}/api/auth/oauth2/token`,
      registration_endpoint: `${ORIGIN}/api/auth/oauth2/register`,
      revocation_endpoint: `${ORIGIN}/api/auth/oauth2/revoke`,
      jwks_uri: `${ORIGIN}/api/auth/jwks`,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      code_challenge_methods_supported: ["S256"],
      scopes_supported: ["tasks:read", "tasks:write", "offline_access"],
      authorization_response_iss_parameter_supported: true,
    });
    expect(metadata.token_endpoint_auth_methods_supported).toContain("none");
    expect(jwtSettings.issuer).toBe(metadata.issuer);
  });

  it("OPTIONS on the metadata documents – any page may read them (CORS preflight)", async () => {
    for (const path of ["/.well-known/oauth-protected-resource/api/mcp", "/.well-known/oauth-authorization-server/api/auth"]) {
      const response = await fetchApp(`${ORIGIN}${path}`, { method: "OPTIONS" });
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
    }
  });
});

describe("MCP authorization: the SDK client connects", () => {
  it("discovers from the 401, registers, sends the person to authorize, exchanges the code with PKCE, then calls", async () => {
    const user = await signUp();
    const { client, assistant } = await connect(user);
    expect(assistant.log).toEqual([
      "POST /api/mcp 401",
      "GET /.well-known/oauth-protected-resource/api/mcp 200",
      "GET /.well-known/oauth-authorization-server/api/auth 200",
      "POST /api/auth/oauth2/register 200",
      "POST /api/auth/oauth2/token 200",
      "POST /api/mcp 200", // initialize
      "POST /api/mcp 202", // notifications/initialized
    ]);
    const authorization = assistant.authorizationUrl!;
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorization.searchParams.get("resource")).toBe(mcpSettings.resource);

    const claims = decodeJwt(assistant.stored!.access_token);
    expect(claims).toMatchObject({ sub: user.id, aud: `${ORIGIN}/api/mcp`, iss: `${ORIGIN}/api/auth`, azp: assistant.client!.client_id });
    expect(String(claims.scope).split(" ").sort()).toEqual(["offline_access", "tasks:read", "tasks:write"]);
    expect(claims.exp! - claims.iat!).toBe(jwtSettings.ttlSeconds);
    expect(assistant.stored!.refresh_token).toEqual(expect.any(String));

    expect(await client.ping()).toEqual({});
    expect(await listConnections(user.id)).toEqual([
      expect.objectContaining({ clientId: assistant.client!.client_id, name: "Test Assistant", scopes: expect.arrayContaining(["tasks:read", "tasks:write"]) }),
    ]);
  });

  it("a second authorization of the same app skips the consent page unless the app asks for it (prompt=consent)", async () => {
    const user = await signUp();
    const { assistant } = await connect(user);
    assistant.stored = undefined;
    await newClient()
      .connect(transportFor(assistant))
      .catch(() => undefined);
    // The SDK asks for prompt=consent along with offline_access: the page shows again.
    expect(assistant.authorizationUrl!.searchParams.get("prompt")).toBe("consent");
    const asked = await browse(user, assistant.authorizationUrl!.href);
    expect(new URL(asked.headers.get("location")!, ORIGIN).pathname).toBe("/oauth/consent");
    assistant.authorizationUrl!.searchParams.delete("prompt");
    const response = await browse(user, assistant.authorizationUrl!.href);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(assistant.redirectUrl);
    expect(location.searchParams.get("code")).toEqual(expect.any(String));
  });

  it("Deny on the consent page sends the person back with access_denied; nothing is connected", async () => {
    const user = await signUp();
    const assistant = new TestAssistant("Denied Assistant");
    await newClient()
      .connect(transportFor(assistant))
      .catch(() => undefined);
    const callback = await authorizeInBrowser(user, assistant.authorizationUrl!, "deny");
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("code")).toBeNull();
    expect(await listConnections(user.id)).toEqual([]);
  });

  it("the code needs the PKCE verifier, and is spent by the first exchange that names it", async () => {
    const user = await signUp();
    const assistant = new TestAssistant();
    await newClient()
      .connect(transportFor(assistant))
      .catch(() => undefined);
    const callback = await authorizeInBrowser(user, assistant.authorizationUrl!);
    const exchange = async (verifier?: string) => {
      const response = await fetchApp(`${ORIGIN}/api/auth/oauth2/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code: callback.searchParams.get("code")!,
          ...(verifier ? { code_verifier: verifier } : {}),
          client_id: assistant.client!.client_id,
          redirect_uri: assistant.redirectUrl,
          resource: mcpSettings.resource,
        }),
      });
      return { status: response.status, error: ((await response.json()) as { error?: string }).error };
    };
    expect(await exchange()).toEqual({ status: 400, error: "invalid_request" });
    expect(await exchange("x".repeat(64))).toEqual({ status: 401, error: "invalid_request" });
    expect(await exchange(assistant.verifier)).toEqual({ status: 401, error: "invalid_grant" });
  });

  it("a signed-out person is sent to sign in, with the authorization to come back to", async () => {
    const assistant = new TestAssistant();
    await newClient()
      .connect(transportFor(assistant))
      .catch(() => undefined);
    const response = await fetchApp(assistant.authorizationUrl!, { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!, ORIGIN);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("client_id")).toBe(assistant.client!.client_id);
    expect(location.searchParams.get("sig")).toEqual(expect.any(String));
  });
});

describe("MCP authorization: tokens belong to their audience and their connection", () => {
  it("POST /api/mcp – 401 invalid_token for a REST API token (its audience is the API, not this endpoint)", async () => {
    const user = await signUp();
    // Used at the REST API first, so the token is also in the verified-token cache.
    expect((await call("GET", tasksPath(user), { token: user.token })).status).toBe(200);
    const response = await postMcp(user.token);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
    expect(await response.json()).toMatchObject({ error: "invalid_token", error_code: "AUTH_INVALID", detail: 'Invalid access token: claim "aud" rejected.' });
  });

  it("GET /api/{user_id}/tasks – 401 AUTH_INVALID for an MCP token (its audience is the MCP endpoint)", async () => {
    const user = await signUp();
    const { assistant } = await connect(user);
    const response = await call("GET", tasksPath(user), { token: assistant.stored!.access_token });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error_code: "AUTH_INVALID", detail: 'Invalid access token: claim "aud" rejected.' });
  });

  it("a disconnected app's token stops working at once, and its refresh token is gone", async () => {
    const user = await signUp();
    const { client, assistant } = await connect(user);
    expect(await client.ping()).toEqual({});
    expect(await revokeConnection(user.id, assistant.client!.client_id)).toBe(true);
    expect(await revokeConnection(user.id, assistant.client!.client_id)).toBe(false);

    const refused = await postMcp(assistant.stored!.access_token);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error_code: "AUTH_INVALID", detail: "Invalid access token: the connection was revoked." });
    const refresh = await fetchApp(`${ORIGIN}/api/auth/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: assistant.stored!.refresh_token!,
        client_id: assistant.client!.client_id,
        resource: mcpSettings.resource,
      }),
    });
    expect(refresh.status).toBe(400);
    expect((await refresh.json()).error).toBe("invalid_grant");
    expect(await listConnections(user.id)).toEqual([]);
  });

  it("a token issued before the current consent (an earlier connection of the same app) is void", async () => {
    const user = await signUp();
    const { assistant } = await connect(user);
    // As if the person had disconnected the app and connected it again a minute later.
    await getDb().execute(sql`update oauth_consent set created_at = now() + interval '1 minute' where user_id = ${user.id}`);
    const response = await postMcp(assistant.stored!.access_token);
    expect(response.status).toBe(401);
  });

  it("a refresh token gets a new access token for the MCP endpoint, even when the client names no resource", async () => {
    const user = await signUp();
    const { assistant } = await connect(user);
    const refresh = await fetchApp(`${ORIGIN}/api/auth/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: assistant.stored!.refresh_token!, client_id: assistant.client!.client_id }),
    });
    expect(refresh.status).toBe(200);
    const tokens = await refresh.json();
    expect(decodeJwt(tokens.access_token)).toMatchObject({ aud: mcpSettings.resource, sub: user.id });
    expect((await postMcp(tokens.access_token)).status).toBe(200);
  });

  it("a read-only app asks for tasks:read and gets only that", async () => {
    const user = await signUp();
    const { assistant } = await connect(user, new TestAssistant("Reader", "tasks:read"));
    expect(decodeJwt(assistant.stored!.access_token).scope).toBe("tasks:read");
    expect((await listConnections(user.id))[0]!.scopes).toEqual(["tasks:read"]);
  });
});
