import type { APIRequestContext, Page } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { expectNoSeriousViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

/**
 * What a person sees when an assistant connects: the consent page (Allow / Deny) in the app's
 * style, then the app on Connected apps, where Disconnect ends its access. The assistant is
 * played by the test: it registers, builds the authorization URL (PKCE), and its callback on
 * 127.0.0.1 is answered by the browser's request interception.
 */

const CALLBACK = "http://127.0.0.1:9/callback";
/** Screenshots go next to the Playwright output (test-results/), kept as CI artifacts. */
const SCREENSHOTS = path.join("test-results", "screenshots");

async function assistant(request: APIRequestContext, baseURL: string, name: string) {
  const registration = await request.post("/api/auth/oauth2/register", {
    data: { client_name: name, redirect_uris: [CALLBACK], token_endpoint_auth_method: "none" },
  });
  expect(registration.status()).toBe(200);
  const { client_id: clientId } = (await registration.json()) as { client_id: string };
  const verifier = randomBytes(32).toString("base64url");
  const resource = `${baseURL}/api/mcp`;
  const authorization = `/api/auth/oauth2/authorize?${new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: CALLBACK,
    scope: "tasks:read tasks:write",
    state: "e2e-state",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
    resource,
  })}`;
  return {
    authorization,
    /** The code from the callback, exchanged with the PKCE verifier. */
    async token(code: string) {
      const response = await request.post("/api/auth/oauth2/token", {
        form: { grant_type: "authorization_code", code, code_verifier: verifier, client_id: clientId, redirect_uri: CALLBACK, resource },
      });
      expect(response.status()).toBe(200);
      return ((await response.json()) as { access_token: string }).access_token;
    },
  };
}

/** Where the browser is sent back to the assistant: the callback, answered here. */
async function catchCallback(page: Page) {
  const seen: URL[] = [];
  await page.route(`${CALLBACK}**`, (route) => {
    seen.push(new URL(route.request().url()));
    return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Assistant</title><h1>Back in the assistant</h1>" });
  });
  return seen;
}

function listTasks(request: APIRequestContext, token: string) {
  return request.post("/api/mcp", {
    headers: { authorization: `Bearer ${token}`, accept: "application/json, text/event-stream" },
    data: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list_tasks", arguments: {} } },
  });
}

test("an assistant connects: consent page, Allow, a working token; Connected apps lists it and Disconnect ends its access", async ({ openPage, baseURL, playwright }) => {
  const request = await playwright.request.newContext({ baseURL });
  const app = await assistant(request, baseURL!, "E2E Assistant");
  const page = await openPage({ signedIn: true });
  const callbacks = await catchCallback(page);

  await page.goto(app.authorization);
  await expect(page).toHaveURL(/\/oauth\/consent\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connect E2E Assistant?");
  await expect(page.getByText("E2E Assistant wants to read and change your tasks.")).toBeVisible();
  await expect(page.getByText("Add, change, complete and delete your tasks")).toBeVisible();
  await expectNoSeriousViolations(page, "consent page");
  await page.screenshot({ path: path.join(SCREENSHOTS, "consent-1280.png"), fullPage: true });
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page.getByRole("heading", { name: "Back in the assistant" })).toBeVisible();
  const callback = callbacks.at(-1)!;
  expect(callback.searchParams.get("state")).toBe("e2e-state");
  const token = await app.token(callback.searchParams.get("code")!);
  expect((await listTasks(request, token)).status()).toBe(200);

  await page.goto("/tasks");
  await page.getByRole("link", { name: "Connected apps" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connected apps");
  const entry = page.getByRole("listitem").filter({ hasText: "E2E Assistant" });
  await expect(entry).toContainText("Can read and change your tasks");
  await expectNoSeriousViolations(page, "connected apps page");
  await page.screenshot({ path: path.join(SCREENSHOTS, "connected-apps-1280.png"), fullPage: true });
  await entry.getByRole("button", { name: "Disconnect E2E Assistant" }).click();
  await expect(page.getByText("No apps are connected.")).toBeVisible();
  expect((await listTasks(request, token)).status()).toBe(401);
  await request.dispose();
});

test("Deny sends the person back to the assistant with access_denied, and connects nothing", async ({ openPage, baseURL, playwright }) => {
  const request = await playwright.request.newContext({ baseURL });
  const app = await assistant(request, baseURL!, "Unwanted Assistant");
  const page = await openPage({ signedIn: true });
  const callbacks = await catchCallback(page);
  await page.goto(app.authorization);
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page.getByRole("heading", { name: "Back in the assistant" })).toBeVisible();
  expect(callbacks.at(-1)!.searchParams.get("error")).toBe("access_denied");
  await page.goto("/settings/connected-apps");
  await expect(page.getByText("Unwanted Assistant")).toHaveCount(0);
  await request.dispose();
});

test("/docs links the MCP page, which names this deployment's server URL", async ({ openPage, baseURL }) => {
  const page = await openPage();
  await page.goto("/docs");
  await page.getByRole("link", { name: "AI assistants (MCP)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Use it from an AI assistant");
  await expect(page.getByText(`${baseURL}/api/mcp`, { exact: true })).toBeVisible();
  await expectNoSeriousViolations(page, "MCP docs page");
});
