import { readFile } from "node:fs/promises";
import { readCsv } from "../support/csv";
import { signUpByApi, submitAuth } from "./support/accounts";
import { apiSession, expect, PASSWORD, test } from "./support/fixtures";

test("export and delete: both downloads hold every task; deleting takes the password and DELETE, removes everything, refuses an earlier token at once; the address signs up again", async ({
  browser,
  baseURL,
  playwright,
}) => {
  test.setTimeout(180_000);
  const request = await playwright.request.newContext({ baseURL });
  const account = await signUpByApi(request, "leaving", "Lee Leaving");
  const api = await apiSession(request);
  const titles = ["Pack the boxes", 'Say "goodbye", then leave', "Return the keys"];
  for (const title of titles) await api.create(title, title === "Return the keys" ? "line one\nline two" : undefined);
  const context = await browser.newContext({ baseURL, storageState: await request.storageState(), acceptDownloads: true });
  const page = await context.newPage();
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");

  // JSON: the API's task shape, every task.
  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download JSON" }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toMatch(/^todo-next-tasks-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile((await json.path())!, "utf8")) as { exported_at: string; tasks: { id: number; title: string; user_id: string }[] };
  const listed = (await (await request.get(`/api/${api.userId}/tasks?sort=id&order=asc`, { headers: { authorization: `Bearer ${(await (await request.get("/api/auth/token")).json()).token}` } })).json()) as { tasks: unknown[] };
  expect(exported.tasks).toEqual(listed.tasks);
  expect(exported.tasks.map((task) => task.title)).toEqual(titles);
  await expect(page.getByRole("status").filter({ hasText: `Downloaded ${json.suggestedFilename()}.` })).toBeVisible();

  // CSV: a header row, then one row per task.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const [header, ...rows] = readCsv((await readFile((await csv.path())!, "utf8")).replace(/^\ufeff/, "")).rows;
  expect(header).toEqual(["id", "user_id", "title", "description", "complete", "created_at", "updated_at"]);
  expect(rows.map((row) => row[2])).toEqual(titles);
  expect(rows[2]![3]).toBe("line one\nline two");

  // A token from before the deletion, and the session of another device.
  const token = ((await (await request.get("/api/auth/token")).json()) as { token: string }).token;
  expect((await request.get(`/api/${api.userId}/tasks`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);

  await page.getByRole("textbox", { name: "Your password" }).fill("not-my-password");
  await page.getByLabel("Type DELETE to confirm").fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("#delete-confirmation-error")).toHaveText("Type DELETE to confirm");
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  const wrong = await submitAuth(page, /^\/api\/auth\/delete-user$/, () => page.getByRole("button", { name: "Delete my account" }).click());
  expect(wrong.status()).toBe(400);
  await expect(page.locator("#delete-password-error")).toHaveText("That is not your password.");

  await page.getByRole("textbox", { name: "Your password" }).fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/account-deleted$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is deleted");

  const refused = await request.get(`/api/${api.userId}/tasks`, { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error_code: "AUTH_INVALID", detail: "Invalid access token: the account no longer exists." });
  expect((await request.get("/api/auth/token")).status()).toBe(401);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);

  // The address is free again, and the new account starts empty.
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill("Lee Returning");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await submitAuth(page, /^\/api\/auth\/sign-up\/email$/, () => page.getByRole("button", { name: "Create account" }).click());
  await expect(page).toHaveURL(/\/settings$/);
  await page.goto("/tasks");
  await expect(page.getByText("No tasks yet. Add your first one above.")).toBeVisible();

  await request.dispose();
  await context.close();
});
