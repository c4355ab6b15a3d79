import { submitAuth } from "./support/accounts";
import { apiSession, expect, PASSWORD, test, uniqueEmail } from "./support/fixtures";
import { messageTo } from "./support/mail";

const NEW_PASSWORD = "a-brand-new-password";

test("forgot password: sign up → sign out → ask for a link → open it from the stored email → new password → signed in; the old password is refused; the tasks are still there", async ({
  openPage,
}) => {
  test.setTimeout(180_000);
  const page = await openPage({ viewport: { width: 390, height: 900 } });
  const email = uniqueEmail("forgot");

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Fran Forgetful");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await submitAuth(page, /^\/api\/auth\/sign-up\/email$/, () => page.getByRole("button", { name: "Create account" }).click());
  await expect(page).toHaveURL(/\/tasks$/);
  const api = await apiSession(page.request);
  await api.create("Water the plants");
  await api.create("Call grandma", "Sunday, after lunch");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forgot your password?");
  // Checked in the browser first, the message next to the field.
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#email-error")).toHaveText("Enter an email address like name@example.com");
  await page.getByLabel("Email").fill(email);
  const requested = await submitAuth(page, /^\/api\/auth\/request-password-reset$/, () => page.getByRole("button", { name: "Send reset link" }).click());
  expect(requested.status()).toBe(200);
  await expect(page.getByRole("status")).toContainText(`If an account exists for ${email}`);

  const message = await messageTo(email);
  expect(message.subject).toBe("Reset your todo-next password");
  expect(`${message.text}${message.html}`).not.toContain(PASSWORD);
  expect(new URL(message.link).origin).toBe(new URL(page.url()).origin);

  await page.goto(message.link);
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirm new password").fill("not-the-same-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator("#confirm-error")).toHaveText("Passwords do not match");
  await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();

  // Signed in by the reset, straight to the tasks, all of them.
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("heading", { level: 2, name: /^2 tasks/ })).toBeVisible();
  await expect(page.getByText("Water the plants", { exact: true })).toBeVisible();

  // The link worked once.
  await page.goto(message.link);
  await expect(page).toHaveURL(/\/reset-password\?error=INVALID_TOKEN$/);
  await expect(page.getByText("The link has expired or was used already.")).toBeVisible();

  await page.goto("/tasks");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  const refused = await submitAuth(page, /^\/api\/auth\/sign-in\/email$/, () => page.getByRole("button", { name: "Sign in" }).click());
  expect(refused.status()).toBe(401);
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();

  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await submitAuth(page, /^\/api\/auth\/sign-in\/email$/, () => page.getByRole("button", { name: "Sign in" }).click());
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("heading", { level: 2, name: /^2 tasks/ })).toBeVisible();
  await expect(page.getByText("Call grandma", { exact: true })).toBeVisible();
});

test("a reset asked for an address without an account looks the same, and no email is written", async ({ openPage }) => {
  const page = await openPage();
  const email = uniqueEmail("nobody");
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  const requested = await submitAuth(page, /^\/api\/auth\/request-password-reset$/, () => page.getByRole("button", { name: "Send reset link" }).click());
  expect(requested.status()).toBe(200);
  await expect(page.getByRole("status")).toContainText(`If an account exists for ${email}`);
  await expect(messageTo(email, 1, 3_000)).rejects.toThrow();
});
