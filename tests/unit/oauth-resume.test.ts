import { describe, expect, it } from "vitest";
import { accessSummary, clientDisplayName, hostOf } from "@/lib/oauth/display";
import { afterAuthentication, authorizationResumePath } from "@/lib/oauth/resume";

const signed = {
  response_type: "code",
  client_id: "abc",
  redirect_uri: "http://127.0.0.1:5000/callback",
  scope: "tasks:read tasks:write",
  state: "s1",
  code_challenge: "c".repeat(43),
  code_challenge_method: "S256",
  resource: "http://localhost:3000/api/mcp",
  exp: "1800000000",
  ba_iat: "1799999400000",
  ba_param: ["client_id", "scope"],
  sig: "signature",
};

describe("authorizationResumePath", () => {
  it("leads back to the authorization with its own parameters, without the provider's signature", () => {
    const path = authorizationResumePath(signed)!;
    const url = new URL(path, "http://localhost:3000");
    expect(url.pathname).toBe("/api/auth/oauth2/authorize");
    expect([...url.searchParams.keys()].sort()).toEqual(
      ["client_id", "code_challenge", "code_challenge_method", "redirect_uri", "resource", "response_type", "scope", "state"].sort(),
    );
    expect(url.searchParams.get("scope")).toBe("tasks:read tasks:write");
  });

  it("drops prompt=login (just honoured), keeps the other prompts", () => {
    expect(new URL(authorizationResumePath({ ...signed, prompt: "login" })!, "http://x").searchParams.has("prompt")).toBe(false);
    expect(new URL(authorizationResumePath({ ...signed, prompt: "login consent" })!, "http://x").searchParams.get("prompt")).toBe("consent");
  });

  it("is undefined for an ordinary visit (no signed client request) and for an absurdly long one", () => {
    expect(authorizationResumePath({ next: "/tasks" })).toBeUndefined();
    expect(authorizationResumePath({ sig: "x" })).toBeUndefined();
    expect(authorizationResumePath({ ...signed, client_id: ["a", "b"] })).toBeUndefined();
    expect(authorizationResumePath({ ...signed, state: "s".repeat(5000) })).toBeUndefined();
  });
});

describe("afterAuthentication", () => {
  it("an ordinary sign-in goes to a safe `next`, carried as such to the other page", () => {
    expect(afterAuthentication({ next: "/tasks?x=1" })).toEqual({ next: "/tasks?x=1", carry: "next=%2Ftasks%3Fx%3D1", connecting: false });
    expect(afterAuthentication({ next: "//evil.example" })).toMatchObject({ next: "/tasks", connecting: false });
  });

  it("a sign-in an assistant started goes back to its authorization, and carries the signed query as is", () => {
    const { next, carry, connecting } = afterAuthentication(signed);
    expect(connecting).toBe(true);
    expect(next).toBe(authorizationResumePath(signed));
    expect(new URLSearchParams(carry).getAll("ba_param")).toEqual(["client_id", "scope"]);
    expect(new URLSearchParams(carry).get("sig")).toBe("signature");
  });
});

describe("how the consent and connected-apps pages name clients", () => {
  it("a client's own name, cleaned and shortened; a placeholder when it gave none", () => {
    expect(clientDisplayName("  Claude  ")).toBe("Claude");
    expect(clientDisplayName("Evil\u0000\u001b[31m App")).toBe("Evil[31m App");
    expect(clientDisplayName("Safe\u202egnp.exe\u200b")).toBe("Safegnp.exe");
    expect(clientDisplayName(null)).toBe("An unnamed app");
    expect(clientDisplayName(" \u0007 ")).toBe("An unnamed app");
    expect(clientDisplayName("x".repeat(100))).toHaveLength(80);
  });

  it("what the scopes allow, and the host a URL points at", () => {
    expect(accessSummary(["tasks:read", "tasks:write"])).toBe("read and change your tasks");
    expect(accessSummary(["tasks:read"])).toBe("read your tasks");
    expect(hostOf("https://claude.ai/api/callback")).toBe("claude.ai");
    expect(hostOf("not a url")).toBe("");
    expect(hostOf(null)).toBe("");
  });
});
