import { decodeJwt } from "jose";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, adminUrl } from "../support/postgres-admin";
import { startServer, type RunningServer } from "./server";

/**
 * The production build started as Vercel starts a preview deployment, on PostgreSQL (Vercel has
 * no persistent disk). Requests are sent to the local port but carry the preview's Origin, as a
 * browser on the preview URL would. Needs SMOKE_POSTGRES_URL (an admin URL; .ci/run sets it).
 */
const database = `todo_smoke_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const secret = "preview-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const branchUrl = "todo-next-git-feature-x-team.vercel.app";
const previewEnv = (deploymentHost: string, databaseUrl: string) => ({
  VERCEL: "1",
  VERCEL_ENV: "preview",
  VERCEL_URL: deploymentHost,
  VERCEL_BRANCH_URL: branchUrl,
  DATABASE_URL: databaseUrl,
  BETTER_AUTH_SECRET: secret,
});

describe.runIf(adminUrl)("a Vercel preview deployment (production build, preview variables)", () => {
  let first: RunningServer;
  let second: RunningServer;
  const firstHost = "todo-next-abc123-team.vercel.app";
  const secondHost = "todo-next-def456-team.vercel.app";

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${database}`;
    first = await startServer(previewEnv(firstHost, url.toString()));
    // A second deployment of the same branch, on the same database: migrations are already applied.
    second = await startServer(previewEnv(secondHost, url.toString()));
  });

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    if (adminUrl) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  const signUp = (server: RunningServer, origin: string, email: string) =>
    fetch(`${server.baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ name: "Preview", email, password: "correct-horse-battery" }),
    });

  it("sign-up, token and task calls from the preview origin work; the token names the deployment", async () => {
    const origin = `https://${branchUrl}`;
    const signedUp = await signUp(first, origin, `p-${randomUUID()}@example.com`);
    expect(signedUp.status).toBe(200);
    // https deployments get __Secure- cookies.
    const cookie = signedUp.headers.getSetCookie().find((value) => value.startsWith("__Secure-better-auth.session_token="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Secure/i);

    const tokenResponse = await fetch(`${first.baseUrl}/api/auth/token`, { headers: { cookie: cookie!.split(";")[0]!, origin } });
    expect(tokenResponse.status).toBe(200);
    const { token } = (await tokenResponse.json()) as { token: string };
    const claims = decodeJwt(token);
    expect(claims.iss).toBe(`https://${firstHost}/api/auth`);
    expect(claims.aud).toBe(`https://${firstHost}`);

    const created = await fetch(`${first.baseUrl}/api/${claims.sub}/tasks`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", origin },
      body: JSON.stringify({ title: "made on a preview" }),
    });
    expect(created.status).toBe(201);

    // The same calls from a foreign origin are refused.
    const foreign = "https://evil.example";
    expect((await signUp(first, foreign, `f-${randomUUID()}@example.com`)).status).toBe(403);
    const foreignCreate = await fetch(`${first.baseUrl}/api/${claims.sub}/tasks`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", origin: foreign },
      body: JSON.stringify({ title: "cross-site" }),
    });
    expect(foreignCreate.status).toBe(403);
    expect(((await foreignCreate.json()) as { error_code: string }).error_code).toBe("AUTH_FORBIDDEN");

    // Another deployment, same database and keys, does not accept this deployment's token.
    const elsewhere = await fetch(`${second.baseUrl}/api/${claims.sub}/tasks`, { headers: { authorization: `Bearer ${token}` } });
    expect(elsewhere.status).toBe(401);
    expect(((await elsewhere.json()) as { error_code: string }).error_code).toBe("AUTH_INVALID");
    const here = await fetch(`${first.baseUrl}/api/${claims.sub}/tasks`, { headers: { authorization: `Bearer ${token}` } });
    expect(here.status).toBe(200);
  });
});
