import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * The API documentation pages in Chromium against the production build: Swagger UI at /docs
 * (sign in, fill the token with one click, "Try it out") and ReDoc at /redoc, both rendering
 * /api/openapi.json and loading nothing from another origin.
 */

const SCREENSHOTS = path.join("test-results", "screenshots");
// Swagger UI and ReDoc are megabytes of script building large DOMs: on a busy 2-core runner the
// pages take many seconds, and under Playwright's trace recorder (which snapshots every DOM
// mutation) ReDoc's first render takes ~10x longer. No traces here; screenshots on failure remain.
const LOADED = { timeout: 30_000 };
test.use({ trace: "off" });
const TASK_OPERATIONS = ["listTasks", "createTask", "getTask", "replaceTask", "updateTask", "deleteTask"];

/** Records requests to other origins and CSP violations, to assert there are none. */
async function watchPage(page: Page, baseURL: string) {
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== new URL(baseURL).origin) foreign.push(request.url());
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { __cspViolations: violations });
    document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return {
    foreign,
    errors,
    cspViolations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  };
}

/** Better Auth allows 3 sign-ups per 10 s per address in production: wait out a 429 if one comes. */
async function signUp(request: APIRequestContext) {
  const email = `docs-${randomUUID()}@example.com`;
  for (let attempt = 1; ; attempt++) {
    const response = await request.post("/api/auth/sign-up/email", { data: { name: "Docs", email, password: "correct-horse-battery" } });
    if (response.status() !== 429 || attempt === 3) {
      expect(response.status(), await response.text()).toBe(200);
      return ((await response.json()) as { user: { id: string; email: string } }).user;
    }
    await new Promise((resolve) => setTimeout(resolve, (Number(response.headers()["x-retry-after"] ?? 10) + 1) * 1000));
  }
}

test("GET /api/openapi.json – served as prerendered at build time, OpenAPI 3.1", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["x-nextjs-cache"]).toBe("HIT");
  const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/{user_id}/tasks/{task_id}");
});

test("/docs – Swagger UI lists the six task operations, from this origin only", async ({ page, baseURL }) => {
  const watch = await watchPage(page, baseURL!);
  await page.goto("/docs");
  for (const operationId of TASK_OPERATIONS) {
    await expect(page.locator(`#operations-Tasks-${operationId}`)).toBeVisible(LOADED);
  }
  await expect(page.locator("#operations-Tasks-listTasks .opblock-summary-path")).toHaveText("/api/{user_id}/tasks");
  await expect(page.locator("#operations-Tasks-deleteTask .opblock-summary-method")).toHaveText("DELETE");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  expect(watch.foreign).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
});

test("/docs – a signed-in visitor fills the token with one click; Try it out on the list answers 200", async ({ page, baseURL, context }) => {
  test.slow();
  const watch = await watchPage(page, baseURL!);
  const user = await signUp(page.request); // the session cookie lands in the browser context
  const { token } = (await (await page.request.get("/api/auth/token")).json()) as { token: string };
  const created = await page.request.post(`/api/${user.id}/tasks`, { headers: { authorization: `Bearer ${token}` }, data: { title: "Try it out" } });
  expect(created.status()).toBe(201);

  await page.goto("/docs");
  await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible(LOADED);
  const authorize = page.locator(".auth-wrapper .authorize");
  await expect(authorize).toHaveClass(/unlocked/, LOADED);
  await page.getByRole("button", { name: "Use my token" }).click();
  await expect(page.getByRole("status")).toContainText("Token filled in");
  await expect(authorize).toHaveClass(/\blocked/);

  const operation = page.locator("#operations-Tasks-listTasks");
  await operation.locator(".opblock-summary").click();
  await operation.getByRole("button", { name: "Try it out" }).click();
  await expect(operation.locator('tr[data-param-name="user_id"] input')).toHaveValue(user.id);
  const sent = page.waitForRequest((request) => new URL(request.url()).pathname === `/api/${user.id}/tasks`);
  await operation.getByRole("button", { name: "Execute" }).click();
  expect((await sent).headers()["authorization"]).toMatch(/^Bearer eyJ/);
  await expect(operation.locator(".live-responses-table tbody .response-col_status")).toHaveText("200");
  await expect(operation.locator(".live-responses-table tbody .response-col_description")).toContainText('"title": "Try it out"');
  await operation.locator(".live-responses-table").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, "docs.png") });

  // The token lives only in the page: no storage, no cookie holds it; a reload forgets it.
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  const cookies = await context.cookies();
  expect(cookies.map((cookie) => cookie.name)).toEqual(["better-auth.session_token"]);
  await page.reload();
  await expect(authorize).toHaveClass(/unlocked/, LOADED);
  await page.getByRole("button", { name: "Use my token" }).click();
  await expect(authorize).toHaveClass(/\blocked/);

  expect(watch.foreign).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
});

/** "Try it out" on one operation of /docs: fills the given parameters (and body), executes, reads the answer. */
async function tryItOut(page: Page, operationId: string, parameters: Record<string, string>, body?: object) {
  const operation = page.locator(`#operations-Tasks-${operationId}`);
  await operation.locator(".opblock-summary").click();
  await operation.getByRole("button", { name: "Try it out" }).click();
  for (const [name, value] of Object.entries(parameters)) await operation.locator(`tr[data-param-name="${name}"] input`).fill(value);
  if (body) await operation.locator("textarea.body-param__text").fill(JSON.stringify(body));
  await operation.getByRole("button", { name: "Execute" }).click();
  const status = operation.locator(".live-responses-table tbody .response-col_status");
  await expect(status).toHaveText(/^\d{3}$/, LOADED);
  const answer = { status: Number(await status.textContent()), text: (await operation.locator(".live-responses-table tbody .response-col_description pre").first().textContent()) ?? "" };
  // Collapse the operation again so the next one's controls are the only ones in view.
  await operation.locator(".opblock-summary").click();
  return answer;
}

test("/docs – all six task operations work from the page with the one-click token", async ({ page }) => {
  test.slow();
  const user = await signUp(page.request);
  await page.goto("/docs");
  await page.getByRole("button", { name: "Use my token" }).click();
  await expect(page.locator(".auth-wrapper .authorize")).toHaveClass(/\blocked/, LOADED);

  // The create body is the documented example, as Swagger UI fills it in.
  const created = await tryItOut(page, "createTask", {});
  expect(created.status, created.text).toBe(201);
  const { id } = JSON.parse(created.text) as { id: number };
  const taskId = String(id);
  const listed = await tryItOut(page, "listTasks", {});
  expect(listed.status, listed.text).toBe(200);
  expect((JSON.parse(listed.text) as { count: number }).count).toBe(1);
  expect((await tryItOut(page, "getTask", { task_id: taskId })).status).toBe(200);
  const replaced = await tryItOut(page, "replaceTask", { task_id: taskId }, { title: "Replaced from /docs", description: null, complete: false });
  expect(replaced.status, replaced.text).toBe(200);
  const patched = await tryItOut(page, "updateTask", { task_id: taskId }, { complete: true });
  expect(patched.status, patched.text).toBe(200);
  expect(JSON.parse(patched.text)).toMatchObject({ id, title: "Replaced from /docs", complete: true });
  expect((await tryItOut(page, "deleteTask", { task_id: taskId })).status).toBe(204);

  const { token } = (await (await page.request.get("/api/auth/token")).json()) as { token: string };
  const after = await page.request.get(`/api/${user.id}/tasks`, { headers: { authorization: `Bearer ${token}` } });
  expect(await after.json()).toMatchObject({ tasks: [], count: 0 });
});

test("POST /api/auth/sign-out – 403 AUTH_FORBIDDEN with the session cookie from an untrusted Origin, as documented", async ({ page }) => {
  await signUp(page.request);
  const response = await page.request.post("/api/auth/sign-out", { headers: { origin: "https://evil.example" }, data: {} });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error_code: "AUTH_FORBIDDEN", code: "INVALID_ORIGIN" });
  const document = (await (await page.request.get("/api/openapi.json")).json()) as { paths: Record<string, { post: { responses: object } }> };
  expect(document.paths["/api/auth/sign-out"]!.post.responses).toHaveProperty("403");
});

test("/redoc – ReDoc renders the operations of the same document, from this origin only", async ({ page, baseURL }) => {
  const watch = await watchPage(page, baseURL!);
  await page.goto("/redoc");
  await expect(page.getByRole("heading", { name: "todo-next API (1.0.0)", level: 1 })).toBeVisible(LOADED);
  for (const summary of ["List your tasks", "Create a task", "Get a task", "Replace a task", "Change some fields of a task", "Delete a task"]) {
    await expect(page.getByRole("heading", { name: summary, level: 2 })).toBeAttached();
  }
  await expect(page.getByRole("heading", { name: "Get an access token (JWT) for the API", level: 2 })).toBeAttached();
  await page.screenshot({ path: path.join(SCREENSHOTS, "redoc.png") });
  expect(watch.foreign).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
});
