import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server";

/** The production server of an app whose public origin is https (behind a TLS-terminating proxy). */
describe("security headers of a production server with an https public origin", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ BETTER_AUTH_URL: "https://todo.example.com" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("GET / – Strict-Transport-Security for two years, and the page's own http requests upgraded", async () => {
    const response = await fetch(`${server.baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-[^']+' 'strict-dynamic'.*; upgrade-insecure-requests$/);
  });

  it("GET /sign-in – every page carries it, each with its own nonce", async () => {
    const [first, second] = await Promise.all([fetch(`${server.baseUrl}/sign-in`), fetch(`${server.baseUrl}/sign-in`)]);
    expect(first.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(first.headers.get("content-security-policy")).not.toBe(second.headers.get("content-security-policy"));
  });
});
