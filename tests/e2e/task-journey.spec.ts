import type { Page } from "@playwright/test";
import { answered, expect, PASSWORD, TASK_PATH, TASKS_PATH, test, uniqueEmail } from "./support/fixtures";

/** Rows of the task list, by title. */
function row(page: Page, title: string) {
  return page.getByRole("listitem").filter({ has: page.getByText(title, { exact: true }) });
}

async function titles(page: Page): Promise<string[]> {
  return page.getByRole("list", { name: /tasks$/ }).getByRole("listitem").locator("p:first-of-type").allTextContents();
}

async function createTask(page: Page, title: string, description?: string) {
  const titleField = page.getByRole("textbox", { name: "Title" });
  await titleField.fill(title);
  if (description) await page.getByRole("textbox", { name: "Description (optional)" }).fill(description);
  const response = await answered(page, "POST", TASKS_PATH, () => titleField.press("Enter"));
  expect(response.status()).toBe(201);
  await expect(page.getByRole("status").filter({ hasText: `Added “${title}”.` })).toBeVisible();
  return response;
}

test("sign up → three tasks → edit → complete → filter → delete → reload → sign out → sign in: the same tasks; a second user sees none", async ({ openPage }) => {
  // A long scenario with three sign-ups/sign-ins: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const page = await openPage();
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  const email = uniqueEmail("journey");

  // A signed-out visitor of the task page is sent to sign in, and can create an account from there.
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");
  await page.getByLabel("Name").fill("Jo Journey");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your tasks");
  await expect(page.getByText("No tasks yet. Add your first one above.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^0 tasks/ })).toBeVisible();

  // The title counter follows typing and stops at 200.
  const titleField = page.getByRole("textbox", { name: "Title" });
  await titleField.fill("Buy");
  await expect(page.locator("#new-title-counter")).toHaveText("3/200");
  await titleField.fill("x".repeat(198));
  await expect(page.locator("#new-title-counter")).toHaveText("198/200");
  await titleField.pressSequentially("yzabc");
  await expect(titleField).toHaveValue(`${"x".repeat(198)}yz`);
  await expect(page.locator("#new-title-counter")).toHaveText("200/200");
  await titleField.fill("");
  await expect(page.locator("#new-title-counter")).toHaveText("0/200");

  // Create three tasks (Enter in the title creates); the list is newest first, with its count.
  const created = await createTask(page, "Buy milk", "Two litres, semi-skimmed");
  await createTask(page, "Write report");
  await createTask(page, "Call the bank");
  expect(await titles(page)).toEqual(["Call the bank", "Write report", "Buy milk"]);
  await expect(page.getByRole("heading", { name: /^3 tasks/ })).toBeVisible();
  await expect(row(page, "Buy milk")).toContainText("Two litres, semi-skimmed");
  // The page used the public API with a Bearer token, like any client.
  expect(await created.request().headerValue("authorization")).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);

  // Edit one in place: Escape cancels, Enter saves.
  await page.getByRole("button", { name: "Edit “Write report”" }).click();
  const editTitle = page.getByRole("form", { name: "Edit “Write report”" }).getByRole("textbox", { name: "Title" });
  await expect(editTitle).toBeFocused();
  await editTitle.fill("Something else");
  await editTitle.press("Escape");
  await expect(page.getByRole("button", { name: "Edit “Write report”" })).toBeFocused();
  await page.getByRole("button", { name: "Edit “Write report”" }).click();
  await editTitle.fill("Write the quarterly report");
  const edited = await answered(page, "PATCH", TASK_PATH, () => editTitle.press("Enter"));
  expect(edited.status()).toBe(200);
  expect(edited.request().postDataJSON()).toEqual({ title: "Write the quarterly report" });
  expect(await titles(page)).toEqual(["Call the bank", "Write the quarterly report", "Buy milk"]);

  // Complete one with a single click.
  const checkbox = page.getByRole("checkbox", { name: "Complete “Buy milk”" });
  const toggled = await answered(page, "PATCH", TASK_PATH, () => checkbox.click());
  expect(toggled.request().postDataJSON()).toEqual({ complete: true });
  await expect(checkbox).toBeChecked();
  await expect(page.getByRole("heading", { name: "3 tasks · 2 active · 1 completed" })).toBeVisible();

  // Filters work on the loaded list.
  const filters = page.getByRole("group", { name: "Show" });
  await filters.getByRole("button", { name: /^Active/ }).click();
  await expect(filters.getByRole("button", { name: /^Active/ })).toHaveAttribute("aria-pressed", "true");
  expect(await titles(page)).toEqual(["Call the bank", "Write the quarterly report"]);
  await filters.getByRole("button", { name: /^Completed/ }).click();
  expect(await titles(page)).toEqual(["Buy milk"]);
  await filters.getByRole("button", { name: /^All/ }).click();
  expect(await titles(page)).toHaveLength(3);

  // Delete asks first; Cancel keeps the task, confirming deletes it.
  await page.getByRole("button", { name: "Delete “Call the bank”" }).click();
  const confirm = page.getByRole("group", { name: "Delete “Call the bank”?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(row(page, "Call the bank")).toBeVisible();
  await page.getByRole("button", { name: "Delete “Call the bank”" }).click();
  const deleted = await answered(page, "DELETE", TASK_PATH, () => confirm.getByRole("button", { name: "Yes, delete" }).click());
  expect(deleted.status()).toBe(204);
  await expect(row(page, "Call the bank")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /^2 tasks/ })).toBeVisible();

  // Everything persists across a reload (the server reads the list again for the page).
  expect((await page.reload())?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "2 tasks · 1 active · 1 completed" })).toBeVisible();
  expect(await titles(page)).toEqual(["Write the quarterly report", "Buy milk"]);
  await expect(page.getByRole("checkbox", { name: "Complete “Buy milk”" })).toBeChecked();

  // Sign out; the task page then needs signing in again, and comes back afterwards.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("heading", { name: "2 tasks · 1 active · 1 completed" })).toBeVisible();
  expect(await titles(page)).toEqual(["Write the quarterly report", "Buy milk"]);
  expect(cspViolations).toEqual([]);

  // A second user, in another browser context, sees none of them.
  const other = await openPage();
  await other.goto("/sign-up");
  await other.getByLabel("Name").fill("Sam Second");
  await other.getByLabel("Email").fill(uniqueEmail("second"));
  await other.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await other.getByLabel("Confirm password").fill(PASSWORD);
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other).toHaveURL(/\/tasks$/);
  await expect(other.getByText("No tasks yet. Add your first one above.")).toBeVisible();
  await expect(other.getByRole("heading", { name: /^0 tasks/ })).toBeVisible();
  await expect(other.getByText("Buy milk")).toHaveCount(0);
});
