import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, adminUrl } from "../support/postgres-admin";
import { freePort } from "../support/free-port";
import { startServer, type RunningServer } from "./server";

/** Two production processes on one PostgreSQL database share every rate limit. */
const database = `todo_limits_${randomUUID().replaceAll("-", "").slice(0, 12)}`;

describe.runIf(adminUrl)("rate limits shared by two app processes", () => {
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${database}`;
    const env = {
      DATABASE_URL: url.toString(),
      BETTER_AUTH_SECRET: "limits-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      RATE_LIMIT_REQUESTS: "20",
      RATE_LIMIT_WINDOW_SECONDS: "60",
      // As behind a load balancer at 203.0.113.9 that appends the address it saw.
      TRUSTED_PROXIES: "203.0.113.9",
    };
    // Two instances of one deployment: one public URL (so one token issuer), one database.
    const [portA, portB] = [await freePort(), await freePort()];
    const shared = { ...env, BETTER_AUTH_URL: `http://localhost:${portA}` };
    a = await startServer(shared, undefined, portA);
    b = await startServer(shared, undefined, portB);
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    if (adminUrl) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it("the task API lets the configured budget through across both processes and refuses the rest", async () => {
    const email = `limits-${randomUUID()}@example.com`;
    const signUp = await fetch(`${a.baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.1" },
      body: JSON.stringify({ name: "Limits", email, password: "correct-horse-battery" }),
    });
    expect(signUp.status).toBe(200);
    const { user } = (await signUp.json()) as { user: { id: string } };
    const cookie = signUp.headers.getSetCookie()[0]!.split(";")[0]!;
    const { token } = (await (await fetch(`${a.baseUrl}/api/auth/token`, { headers: { cookie } })).json()) as { token: string };

    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        fetch(`${(index % 2 ? a : b).baseUrl}/api/${user.id}/tasks`, { headers: { authorization: `Bearer ${token}` } }),
      ),
    );
    const ok = responses.filter((response) => response.status === 200);
    const limited = responses.filter((response) => response.status === 429);
    expect(responses.map((response) => response.status).sort()).toEqual([...Array(20).fill(200), ...Array(10).fill(429)]);
    expect(ok).toHaveLength(20);
    expect(limited).toHaveLength(10);
    for (const response of ok) expect(response.headers.get("ratelimit-policy")).toBe('"per-user";q=20;w=60');
    for (const response of limited) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(response.headers.get("ratelimit")).toMatch(/^"per-user";r=0;t=\d+$/);
      expect(((await response.json()) as { error_code: string }).error_code).toBe("RATE_LIMITED");
    }
  });

  it("Better Auth's sign-in limit is stored in the database: the fourth try within 10 s is refused, whichever process gets it", async () => {
    const responses: Response[] = [];
    for (const server of [a, b, a, b]) {
      const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.2" },
        body: JSON.stringify({ email: "nobody@example.com", password: "wrong-password" }),
      });
      responses.push(response);
    }
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 429]);
    const limited = responses[3]!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ error_code: "RATE_LIMITED", detail: expect.any(String) });
  });

  it("behind a trusted proxy, each client has its own sign-in budget, and a forged X-Forwarded-For entry does not buy a new one", async () => {
    // An address of its own: failed sign-ins are also counted per account (next test).
    const email = `nobody-${randomUUID()}@example.com`;
    const signIn = (server: RunningServer, forwardedFor: string) =>
      fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ email, password: "wrong-password" }),
      }).then((response) => response.status);
    const statuses = [];
    for (const server of [a, b, a, b]) statuses.push(await signIn(server, "198.51.100.7, 203.0.113.9"));
    expect(statuses).toEqual([401, 401, 401, 429]);
    // The client prepends an address of its choosing: the proxy's entry still names it.
    expect(await signIn(a, "192.0.2.55, 198.51.100.7, 203.0.113.9")).toBe(429);
    // Another client behind the same proxy is not refused.
    expect(await signIn(b, "198.51.100.8, 203.0.113.9")).toBe(401);
  });

  it("failed sign-ins for one account are counted in the database: spread over both processes and many clients, the 6th is refused", async () => {
    const email = `guessed-${randomUUID()}@example.com`;
    const signUp = await fetch(`${a.baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.30, 203.0.113.9" },
      body: JSON.stringify({ name: "Guessed", email, password: "correct-horse-battery" }),
    });
    expect(signUp.status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 8; i += 1) {
      const response = await fetch(`${(i % 2 ? a : b).baseUrl}/api/auth/sign-in/email`, {
        method: "POST",
        // A different client each time, as a botnet behind the load balancer would be.
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${40 + i}, 203.0.113.9` },
        body: JSON.stringify({ email, password: `wrong-password-${i}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });
});
