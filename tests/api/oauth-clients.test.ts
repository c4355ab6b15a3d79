import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { oauthClient, oauthConsent, oauthRefreshToken } from "@/db/schema";
import { mcpSettings } from "@/lib/mcp/settings";
import { listConnections, revokeConnection } from "@/lib/oauth/connections";
import { findPublicClient } from "@/lib/oauth/clients";
import { ORIGIN, signUp } from "../support/api";
import { connect, inProcessFetch } from "../support/mcp";

const fetchApp = inProcessFetch();

function register(body: unknown) {
  return fetchApp(`${ORIGIN}/api/auth/oauth2/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function insertClient(createdAt: Date, name = "Old Registration") {
  const clientId = `test-${randomUUID()}`;
  await getDb().insert(oauthClient).values({ id: randomUUID(), clientId, name, redirectUris: ["http://127.0.0.1:1/cb"], createdAt, updatedAt: createdAt });
  return clientId;
}

describe("POST /api/auth/oauth2/register – dynamic client registration", () => {
  it("anyone may register a public client (PKCE, no secret), as MCP clients expect", async () => {
    const response = await register({ client_name: "New Assistant", redirect_uris: ["http://127.0.0.1:4567/callback"], token_endpoint_auth_method: "none" });
    expect(response.status).toBe(200);
    const client = await response.json();
    expect(client).toMatchObject({ client_id: expect.any(String), client_name: "New Assistant", token_endpoint_auth_method: "none" });
    expect(client.client_secret).toBeUndefined();
    expect(await findPublicClient(client.client_id)).toEqual({ clientId: client.client_id, name: "New Assistant", uri: null });
  });

  it("413 for a registration over 64 KiB: what anyone can store stays small", async () => {
    const response = await register({ client_name: "Big", redirect_uris: ["http://127.0.0.1:1/cb"], padding: "x".repeat(70_000) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error_code: "VALIDATION_ERROR" });
  });

  it("registrations nobody connected are deleted after a day; connected ones stay", async () => {
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    const unused = await insertClient(dayAgo);
    const recent = await insertClient(new Date());
    const user = await signUp();
    const { assistant } = await connect(user);
    const connected = assistant.client!.client_id;
    await getDb().update(oauthClient).set({ createdAt: dayAgo }).where(eq(oauthClient.clientId, connected));

    expect((await register({ client_name: "Trigger", redirect_uris: ["http://127.0.0.1:1/cb"] })).status).toBe(200);
    const left = await getDb().select({ clientId: oauthClient.clientId }).from(oauthClient).where(inArray(oauthClient.clientId, [unused, recent, connected]));
    expect(left.map((row) => row.clientId).sort()).toEqual([recent, connected].sort());
  });
});

describe("POST /api/auth/oauth2/token – refresh tokens", () => {
  it("rotate on use, and a client's expired ones are deleted at its next token request", async () => {
    const user = await signUp();
    const { assistant } = await connect(user);
    const clientId = assistant.client!.client_id;
    const expired = randomUUID();
    await getDb()
      .insert(oauthRefreshToken)
      .values({ id: expired, token: `expired-${expired}`, clientId, userId: user.id, scopes: ["tasks:read"], createdAt: new Date(0), expiresAt: new Date(1000) });
    const refresh = await fetchApp(`${ORIGIN}/api/auth/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: assistant.stored!.refresh_token!, client_id: clientId, resource: mcpSettings.resource }),
    });
    expect(refresh.status).toBe(200);
    const rows = await getDb().select({ id: oauthRefreshToken.id, revoked: oauthRefreshToken.revoked }).from(oauthRefreshToken).where(eq(oauthRefreshToken.clientId, clientId));
    expect(rows.map((row) => row.id)).not.toContain(expired);
    // The spent token stays (revoked) so that a replay of it is recognised; the new one is live.
    expect(rows.map((row) => row.revoked === null).sort()).toEqual([false, true]);
  });
});

describe("connections (lib/oauth/connections.ts)", () => {
  it("a person sees only their own connections, and cannot revoke another person's", async () => {
    const alice = await signUp();
    const bob = await signUp();
    const { assistant } = await connect(alice);
    const clientId = assistant.client!.client_id;
    expect(await listConnections(bob.id)).toEqual([]);
    expect(await revokeConnection(bob.id, clientId)).toBe(false);
    expect(await listConnections(alice.id)).toHaveLength(1);
  });

  it("a disabled client is not a connection the MCP endpoint accepts, and is unknown to the consent page", async () => {
    const user = await signUp();
    const { client, assistant } = await connect(user);
    const clientId = assistant.client!.client_id;
    await getDb().update(oauthClient).set({ disabled: true }).where(eq(oauthClient.clientId, clientId));
    await expect(client.ping()).rejects.toThrow();
    expect(await findPublicClient(clientId)).toBeUndefined();
    expect(await getDb().select().from(oauthConsent).where(eq(oauthConsent.clientId, clientId))).toHaveLength(1);
  });
});
