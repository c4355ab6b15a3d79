import type { Page } from "@playwright/test";
import path from "node:path";
import { signInByApi, signUpByApi, submitAuth } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";
import { expect, PASSWORD, test, uniqueEmail } from "./support/fixtures";
import { messageTo } from "./support/mail";

const SCREENSHOTS = path.join("test-results", "screenshots");
const NEW_PASSWORD = "another-correct-horse";

const sessions = (page: Page) => page.getByRole("list", { name: "Sessions" }).getByRole("listitem");

test("settings: reached from the header; name, password (other sessions end), sessions (one, everywhere else), email confirmed at the new address", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(180_000);
  const desktop = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "user-agent": desktop } });
  const account = await signUpByApi(request, "settings", "Sam Settings");
  const context = await browser.newContext({ baseURL, storageState: await request.storageState(), viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Two more devices.
  const laptop = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0" } });
  expect((await signInByApi(laptop, account.email, PASSWORD)).status()).toBe(200);
  const phone = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148 Safari/604.1" } });
  expect((await signInByApi(phone, account.email, PASSWORD)).status()).toBe(200);

  await page.goto("/tasks");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  await expect(page.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
  await expect(sessions(page)).toHaveCount(3);
  await expect(sessions(page).first()).toContainText("This device");
  await expect(sessions(page).first()).toContainText("Chrome on Linux");
  await expect(sessions(page).filter({ hasText: "Safari on iPhone" })).toHaveCount(1);
  await expect(sessions(page).filter({ hasText: "Firefox on Windows" })).toHaveCount(1);
  await page.screenshot({ path: path.join(SCREENSHOTS, "settings-sessions-1280.png"), fullPage: true });

  // Name: checked next to the field, then saved; the header follows.
  const name = page.getByRole("textbox", { name: "Name" });
  await name.fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#name-error")).toHaveText("Enter your name");
  await name.fill("Sam Renamed");
  await name.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Sam Renamed");

  // One other session signed out.
  await page.getByRole("button", { name: /^Sign out Safari on iPhone/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Signed out Safari on iPhone." })).toBeVisible();
  await expect(sessions(page)).toHaveCount(2);
  expect((await phone.get("/api/auth/token")).status()).toBe(401);
  expect((await laptop.get("/api/auth/token")).status()).toBe(200);

  // Password: the current one is required and checked; the change ends the other sessions.
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  const wrong = await submitAuth(page, /^\/api\/auth\/change-password$/, () => page.getByRole("button", { name: "Change password" }).click());
  expect(wrong.status()).toBe(400);
  await expect(page.locator("#current-password-error")).toHaveText("That is not your current password.");
  await expect(page.getByLabel("Current password")).toBeFocused();
  await expectNoSeriousViolations(page, "settings with a field error");
  await page.getByLabel("Current password").fill(PASSWORD);
  await submitAuth(page, /^\/api\/auth\/change-password$/, () => page.getByRole("button", { name: "Change password" }).click());
  await expect(page.getByRole("status").filter({ hasText: "Password changed. Every other session is signed out." })).toBeVisible();
  await expect(sessions(page)).toHaveCount(1);
  await expect(sessions(page).first()).toContainText("This device");
  expect((await laptop.get("/api/auth/token")).status()).toBe(401);
  expect((await page.request.get("/api/auth/token")).status()).toBe(200);

  // "Sign out everywhere else", with the keyboard only.
  const tablet = await playwright.request.newContext({ baseURL });
  expect((await signInByApi(tablet, account.email, NEW_PASSWORD)).status()).toBe(200);
  await page.reload();
  await expect(sessions(page)).toHaveCount(2);
  const everywhere = page.getByRole("button", { name: "Sign out everywhere else" });
  await page.getByRole("heading", { name: "Where you are signed in" }).focus();
  for (let presses = 0; presses < 10 && !(await everywhere.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press("Tab");
  await expect(everywhere).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Signed out everywhere else." })).toBeVisible();
  await expect(sessions(page)).toHaveCount(1);
  expect((await tablet.get("/api/auth/token")).status()).toBe(401);

  // Email: a link to the new address; the account switches when it is opened.
  const newAddress = uniqueEmail("moved");
  await page.getByLabel("New email address").fill(newAddress);
  await submitAuth(page, /^\/api\/auth\/change-email$/, () => page.getByRole("button", { name: "Change email" }).click());
  await expect(page.getByRole("status").filter({ hasText: `We sent a link to ${newAddress}.` })).toBeVisible();
  const message = await messageTo(newAddress);
  expect(message.subject).toBe("Confirm your new email address for todo-next");
  await page.goto(message.link);
  await expect(page).toHaveURL(/\/verified\?change=email$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your new address is confirmed");
  await page.getByRole("link", { name: "Back to settings" }).click();
  await expect(page.getByText(newAddress, { exact: true })).toBeVisible();
  await expect(page.getByText("Verified", { exact: true })).toBeVisible();

  for (const other of [request, laptop, phone, tablet]) await other.dispose();
  await context.close();
});

test("settings page: axe-clean in light and dark; every field error is next to its field", async ({ openPage }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    const page = await openPage({ signedIn: true, colorScheme });
    await page.goto("/settings");
    await expect(sessions(page).first()).toContainText("This device");
    await expectNoSeriousViolations(page, `settings (${colorScheme})`);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("button", { name: "Delete my account" }).click();
    for (const id of ["current-password", "new-password", "delete-password", "delete-confirmation"]) {
      await expect(page.locator(`#${id}`)).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator(`#${id}`)).toHaveAttribute("aria-describedby", new RegExp(`${id}-error`));
    }
    await expect(page.locator("#delete-confirmation-error")).toHaveText("Type DELETE to confirm");
    await expectNoSeriousViolations(page, `settings with errors (${colorScheme})`);
  }
});
