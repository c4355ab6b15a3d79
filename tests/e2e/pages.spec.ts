import type { APIRequestContext, Page } from "@playwright/test";
import path from "node:path";
import { expectNoSeriousViolations } from "./support/axe";
import { apiSession, expect, test, type Account } from "./support/fixtures";

/** Screenshots go next to the Playwright output (test-results/), kept as CI artifacts. */
const SCREENSHOTS = path.join("test-results", "screenshots");
const FIRST_LOAD_BUDGET_BYTES = 180_000;

// Several browser contexts and axe runs per test: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

interface PageCase {
  name: string;
  path: string;
  signedIn: boolean;
  ready: (page: Page) => Promise<void>;
}

const pages: PageCase[] = [
  { name: "sign-in", path: "/sign-in", signedIn: false, ready: (page) => expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in") },
  { name: "sign-up", path: "/sign-up", signedIn: false, ready: (page) => expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account") },
  { name: "tasks", path: "/tasks", signedIn: true, ready: (page) => expect(page.getByRole("heading", { level: 2, name: /^3 tasks/ })).toBeVisible() },
  { name: "forgot-password", path: "/forgot-password", signedIn: false, ready: (page) => expect(page.getByRole("button", { name: "Send reset link" })).toBeVisible() },
  { name: "reset-password", path: "/reset-password?token=from-the-link", signedIn: false, ready: (page) => expect(page.getByRole("button", { name: "Set new password" })).toBeVisible() },
  { name: "settings", path: "/settings", signedIn: true, ready: (page) => expect(page.getByText("This device")).toBeVisible() },
];

/** The shared account gets the same three tasks before each test, whatever other tests left. */
async function demoTasks(account: Account, baseURL: string | undefined, playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } }) {
  const request = await playwright.request.newContext({ baseURL, storageState: account.storageState });
  const api = await apiSession(request);
  await api.deleteAll();
  const renew = await api.create("Renew passport", "Photos first: the booth at the station takes cards.");
  await api.complete(renew.id);
  await api.create("Plan the weekend hike", "Check the weather on Friday evening.");
  await api.create("Book dentist appointment");
  await request.dispose();
}

test.beforeEach(async ({ account, baseURL, playwright }) => {
  await demoTasks(account, baseURL, playwright);
});

for (const { name, path: pagePath, signedIn, ready } of pages) {
  test(`${name} page: screenshots at 390 px and 1280 px; nothing overflows a 360 px phone`, async ({ openPage }) => {
    for (const width of [360, 390, 1280]) {
      const page = await openPage({ signedIn, viewport: { width, height: 900 } });
      await page.goto(pagePath);
      await ready(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width} px`).toBeLessThanOrEqual(width);
      if (width !== 360) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    }
  });

  test(`${name} page: no serious or critical axe violations, in light and dark mode`, async ({ openPage }) => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await openPage({ signedIn, colorScheme });
      await page.goto(pagePath);
      await ready(page);
      await expectNoSeriousViolations(page, `${name} (${colorScheme})`);
    }
  });
}

test("no serious axe violations in the interactive states: form errors, editing, confirming a delete, a rollback notice", async ({ openPage }) => {
  const signUp = await openPage();
  await signUp.goto("/sign-up");
  await signUp.getByRole("button", { name: "Create account" }).click();
  await expect(signUp.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousViolations(signUp, "sign-up with errors");

  const page = await openPage({ signedIn: true, colorScheme: "dark" });
  await page.goto("/tasks");
  await pages[2]!.ready(page);
  await page.route(/\/tasks\/\d+$/, (route) =>
    route.fulfill({ status: 403, contentType: "application/json", body: JSON.stringify({ detail: "Forbidden", error_code: "AUTH_FORBIDDEN", timestamp: new Date().toISOString() }) }),
  );
  await page.getByRole("checkbox", { name: "Complete “Book dentist appointment”" }).click();
  await expect(page.getByText(/The change was undone\./)).toBeVisible();
  await page.getByRole("button", { name: "Edit “Plan the weekend hike”" }).click();
  await page.getByRole("button", { name: "Delete “Renew passport”" }).click();
  await expectNoSeriousViolations(page, "tasks with an edit form, a delete confirmation and a notice (dark)");
  await page.screenshot({ path: path.join(SCREENSHOTS, "tasks-states-dark-1280.png"), fullPage: true });
});

test("task page: first-load JavaScript is at most 180 kB compressed", async ({ openPage }, testInfo) => {
  // A new browser context has an empty HTTP cache: this is a cold load.
  const page = await openPage({ signedIn: true });
  const scripts: { url: string; bytes: number; encoding: string }[] = [];
  const measured: Promise<void>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() !== "script") return;
    measured.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        // responseBodySize is the body as transferred (compressed), from the browser's own accounting.
        scripts.push({ url: new URL(request.url()).pathname, bytes: sizes.responseBodySize, encoding: response?.headers()["content-encoding"] ?? "none" });
      })(),
    );
  });
  await page.goto("/tasks");
  await pages[2]!.ready(page);
  await page.waitForLoadState("networkidle");
  await Promise.all(measured);

  const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
  const lines = scripts.map((script) => `  ${String(script.bytes).padStart(7)} B  ${script.encoding.padEnd(5)} ${script.url}`);
  console.log(`Task page first-load JavaScript: ${(total / 1000).toFixed(1)} kB compressed, ${scripts.length} scripts\n${lines.join("\n")}`);
  await testInfo.attach("first-load-js.json", { body: JSON.stringify({ totalBytes: total, scripts }, null, 2), contentType: "application/json" });

  expect(scripts.length).toBeGreaterThan(3);
  for (const script of scripts) expect(script.encoding, `${script.url} is sent compressed`).toMatch(/^(gzip|br|zstd|deflate)$/);
  expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);

  // For the record, not part of the first load: Zod, fetched when a task form is first focused.
  const before = scripts.length;
  await page.getByRole("textbox", { name: "Title" }).focus();
  await page.waitForLoadState("networkidle");
  await expect.poll(() => scripts.length).toBeGreaterThan(before);
  await Promise.all(measured);
  const deferred = scripts.slice(before).reduce((sum, script) => sum + script.bytes, 0);
  console.log(`Loaded on first focus of the task form (validation schemas): ${(deferred / 1000).toFixed(1)} kB compressed`);
});
