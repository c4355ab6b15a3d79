import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { newNonce, pageContentSecurityPolicy } from "@/lib/security-headers";
import { proxy } from "@/proxy";

describe("pageContentSecurityPolicy", () => {
  it("scripts: the response's nonce and 'strict-dynamic', no 'unsafe-inline'; 'unsafe-eval' in development only", () => {
    const production = pageContentSecurityPolicy("abc123", { development: false, https: false });
    expect(production).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';");
    expect(production).not.toMatch(/script-src[^;]*unsafe/);
    expect(pageContentSecurityPolicy("abc123", { development: true, https: false })).toContain("'strict-dynamic' 'unsafe-eval';");
  });

  it("upgrades the page's own http requests only when the app is served over https", () => {
    expect(pageContentSecurityPolicy("n", { development: false, https: true })).toMatch(/; upgrade-insecure-requests$/);
    expect(pageContentSecurityPolicy("n", { development: false, https: false })).not.toContain("upgrade-insecure-requests");
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("proxy – pages", () => {
  it("gives a page a policy with a fresh nonce, and passes the same policy on to Next's render (which reads the nonce from it)", () => {
    const first = proxy(new NextRequest("http://localhost:3000/sign-in"));
    const second = proxy(new NextRequest("http://localhost:3000/sign-in"));
    const policy = first.headers.get("content-security-policy")!;
    expect(policy).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("no Strict-Transport-Security when the public origin is http (BETTER_AUTH_URL here)", () => {
    expect(proxy(new NextRequest("http://localhost:3000/")).headers.get("strict-transport-security")).toBeNull();
  });

  it("still sends a signed-out visitor of the task page to sign-in, with the policy", () => {
    const response = proxy(new NextRequest("http://localhost:3000/tasks?filter=open"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://localhost:3000/sign-in?next=%2Ftasks%3Ffilter%3Dopen");
    expect(response.headers.get("content-security-policy")).toContain("'strict-dynamic'");
    const signedIn = proxy(new NextRequest("http://localhost:3000/tasks", { headers: { cookie: "better-auth.session_token=abc" } }));
    expect(signedIn.headers.get("location")).toBeNull();
  });
});
