import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTaskClient } from "../support/task-client";
import { startServer, type RunningServer } from "./server";

/**
 * The generated client (tests/openapi-client/task-client.ts, type-checked by
 * tests/api/openapi-client.test.ts) against the production build, with Node's own fetch; and the
 * Origin rule its document states, as Better Auth applies it outside tests.
 */

let server: RunningServer;
// Vitest sets TEST=true, which the server would inherit, and Better Auth then skips its origin
// checks. Its per-address limit (3 sign-ups per 10 s) is not what this tests: off.
const asInProduction = { TEST: "", AUTH_RATE_LIMIT: "off" };

beforeAll(async () => {
  server = await startServer(asInProduction);
});

afterAll(async () => {
  await server?.stop();
});

const signUpBody = () => JSON.stringify({ name: "Origin", email: `origin-${crypto.randomUUID()}@example.com`, password: "correct-horse-battery" });

/** A POST without Fetch Metadata headers (as curl sends it): node:http adds none. */
function plainPost(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: "POST", headers: { "content-type": "application/json" } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

describe("production build (npm start): a client generated from the OpenAPI document", () => {
  it("POST /api/auth/sign-up/email – Node's fetch without Origin is 403 MISSING_OR_NULL_ORIGIN (it sends Sec-Fetch-Mode); with Origin, or without Sec-Fetch-* headers, 200", async () => {
    const url = `${server.baseUrl}/api/auth/sign-up/email`;
    const bare = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: signUpBody() });
    expect(bare.status).toBe(403);
    expect(await bare.json()).toMatchObject({ error_code: "AUTH_FORBIDDEN", code: "MISSING_OR_NULL_ORIGIN" });
    const withOrigin = await fetch(url, { method: "POST", headers: { "content-type": "application/json", origin: server.baseUrl }, body: signUpBody() });
    expect(withOrigin.status).toBe(200);
    expect(await plainPost(url, signUpBody())).toBe(200);
  });

  it("signs up, gets a token and runs every task operation with openapi-fetch over Node's fetch", async () => {
    const { runTaskClient, TASK_CLIENT_STEPS } = await loadTaskClient();
    expect(await runTaskClient(server.baseUrl)).toEqual(TASK_CLIENT_STEPS);
  });
});
