import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { answered, apiSession, expect, TASK_PATH, test } from "./support/fixtures";

/**
 * Conflict safety: the page sends If-Match on every change, so a change made elsewhere
 * meanwhile is never overwritten silently; on a 412 the user sees both versions and chooses.
 * "Elsewhere" is the API with the same account's token (another device), or a second tab.
 */

/** The entity tag the API gives a version: "<id>.<updated_at in ms>". */
function etag(task: { id: number; updated_at: string }): string {
  return `"${task.id}.${Date.parse(task.updated_at)}"`;
}

async function openTasks(page: Page) {
  await page.goto("/tasks");
  await expect(page.getByRole("heading", { level: 2, name: /^\d+ tasks?/ })).toBeVisible();
}

type ApiSession = Awaited<ReturnType<typeof apiSession>>;

/** The task page with one task of the user's, and the API as another device of the same account. */
async function pageWithTask(page: Page, label: string) {
  const api = await apiSession(page.request);
  const task = await api.create(`${label} ${Date.now()}`);
  await openTasks(page);
  return { api, task };
}

/** Another device renames the task: the page still shows the old title. */
async function renameElsewhere(api: ApiSession, task: { id: number; title: string }) {
  const renamed = `${task.title} (renamed elsewhere)`;
  return { renamed, theirs: await api.update(task.id, { title: renamed }) };
}

function conflictDialog(page: Page, title: string) {
  return page.getByRole("alertdialog", { name: `“${title}” was changed elsewhere` });
}

test("edit after a change elsewhere: both versions are shown; Keep theirs keeps theirs, on the server too", async ({ openPage }) => {
  const page = await openPage({ signedIn: true });
  const { api, task } = await pageWithTask(page, "Conflict theirs");

  const { renamed, theirs } = await renameElsewhere(api, task);

  await page.getByRole("button", { name: `Edit “${task.title}”` }).click();
  const form = page.getByRole("form", { name: `Edit “${task.title}”` });
  await form.getByRole("textbox", { name: "Description (optional)" }).fill("My description");
  const refused = await answered(page, "PATCH", TASK_PATH, () => form.getByRole("textbox", { name: "Title" }).press("Enter"));
  expect(refused.status()).toBe(412);

  const dialog = conflictDialog(page, renamed);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(/Your change was not saved, so nothing was overwritten\./);
  const saved = dialog.getByRole("region", { name: "Saved elsewhere" });
  await expect(saved).toContainText(renamed);
  await expect(saved).toContainText("Description (differs)(none)");
  const mine = dialog.getByRole("region", { name: "With your change" });
  await expect(mine).toContainText(renamed);
  await expect(mine).toContainText("Description (differs)My description");
  // Focus starts on the choice that overwrites nothing.
  await expect(dialog.getByRole("button", { name: "Keep theirs" })).toBeFocused();

  const patches: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "PATCH") patches.push(request.url());
  });
  await dialog.getByRole("button", { name: "Keep theirs" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(renamed, { exact: true })).toBeVisible();
  await expect(page.getByText("My description")).toHaveCount(0);
  // Nothing is sent, not even a moment later.
  await page.waitForTimeout(500);
  expect(patches).toEqual([]);
  expect(await api.get(task.id)).toMatchObject({ title: renamed, description: null, complete: false, updated_at: theirs.updated_at });
});

test("toggle after a change elsewhere: Keep mine applies it on top of their version, If-Match that version; changed again meanwhile, the choice comes back", async ({ openPage }) => {
  const page = await openPage({ signedIn: true });
  const { api, task } = await pageWithTask(page, "Conflict mine");

  const { renamed, theirs } = await renameElsewhere(api, task);
  const refused = await answered(page, "PATCH", TASK_PATH, () => page.getByRole("checkbox", { name: `Complete “${task.title}”` }).click());
  expect(refused.status()).toBe(412);
  const dialog = conflictDialog(page, renamed);
  await expect(dialog.getByRole("region", { name: "Saved elsewhere" })).toContainText("Status (differs)Not complete");
  await expect(dialog.getByRole("region", { name: "With your change" })).toContainText("Status (differs)Complete");

  // Before the user decides, it changes once more elsewhere: keeping mine is refused again, and
  // the choice is shown again with the newest version, rather than overwriting it.
  const renamedAgain = `${task.title} (renamed twice)`;
  const newest = await api.update(task.id, { title: renamedAgain, description: "Added elsewhere" });
  const refusedAgain = await answered(page, "PATCH", TASK_PATH, () => dialog.getByRole("button", { name: "Keep mine" }).click());
  expect(refusedAgain.status()).toBe(412);
  expect(await refusedAgain.request().headerValue("if-match")).toBe(etag(theirs));
  expect(refusedAgain.request().postDataJSON()).toEqual({ complete: true });

  const again = conflictDialog(page, renamedAgain);
  await expect(again).toBeVisible();
  await expect(again.getByRole("region", { name: "Saved elsewhere" })).toContainText("Added elsewhere");
  const kept = await answered(page, "PATCH", TASK_PATH, () => again.getByRole("button", { name: "Keep mine" }).click());
  expect(kept.status()).toBe(200);
  expect(await kept.request().headerValue("if-match")).toBe(etag(newest));
  await expect(again).toHaveCount(0);

  await expect(page.getByRole("checkbox", { name: `Complete “${renamedAgain}”` })).toBeChecked();
  expect(await api.get(task.id)).toMatchObject({ title: renamedAgain, description: "Added elsewhere", complete: true });
});

test("delete after a change elsewhere: Keep it keeps the newer version; Delete anyway deletes it, If-Match that version", async ({ openPage }) => {
  const page = await openPage({ signedIn: true });
  const { api, task } = await pageWithTask(page, "Conflict delete");

  async function deleteInPage(title: string) {
    await page.getByRole("button", { name: `Delete “${title}”` }).click();
    const confirm = page.getByRole("group", { name: `Delete “${title}”?` });
    return answered(page, "DELETE", TASK_PATH, () => confirm.getByRole("button", { name: "Yes, delete" }).click());
  }

  const first = await api.update(task.id, { description: "Still needed" });
  expect((await deleteInPage(task.title)).status()).toBe(412);
  const dialog = conflictDialog(page, task.title);
  await expect(dialog).toHaveAccessibleDescription(/It was not deleted\./);
  await expect(dialog.getByRole("region", { name: "Saved elsewhere" })).toContainText("Still needed");
  await expect(dialog.getByRole("button", { name: "Keep it" })).toBeFocused();
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText("Still needed")).toBeVisible();
  expect(await api.get(task.id)).toMatchObject({ description: "Still needed", updated_at: first.updated_at });

  const { renamed, theirs: second } = await renameElsewhere(api, task);
  expect((await deleteInPage(task.title)).status()).toBe(412);
  const deleted = await answered(page, "DELETE", TASK_PATH, () => conflictDialog(page, renamed).getByRole("button", { name: "Delete anyway" }).click());
  expect(deleted.status()).toBe(204);
  expect(await deleted.request().headerValue("if-match")).toBe(etag(second));
  await expect(page.getByText(renamed, { exact: true })).toHaveCount(0);
  expect(await api.get(task.id)).toBeNull();
});

test("two tabs: the second tab's edit is never overwritten; the choice works by keyboard (Escape keeps theirs) and passes axe", async ({ openPage }) => {
  const tabA = await openPage({ signedIn: true, colorScheme: "dark" });
  const tabB = await tabA.context().newPage();
  const task = await (await apiSession(tabA.request)).create(`Two tabs ${Date.now()}`);
  await openTasks(tabA);
  await openTasks(tabB);

  // Tab B renames the task.
  const renamed = `${task.title} from tab B`;
  await tabB.getByRole("button", { name: `Edit “${task.title}”` }).click();
  const formB = tabB.getByRole("form", { name: `Edit “${task.title}”` }).getByRole("textbox", { name: "Title" });
  await formB.fill(renamed);
  expect((await answered(tabB, "PATCH", TASK_PATH, () => formB.press("Enter"))).status()).toBe(200);

  // Tab A still shows the old version and renames it too, by keyboard. (Not brought to the
  // front: a focus event could make it refetch the list, and it must act on the old version.)
  await tabA.getByRole("button", { name: `Edit “${task.title}”` }).click();
  const formA = tabA.getByRole("form", { name: `Edit “${task.title}”` }).getByRole("textbox", { name: "Title" });
  await formA.fill(`${task.title} from tab A`);
  expect((await answered(tabA, "PATCH", TASK_PATH, () => formA.press("Enter"))).status()).toBe(412);

  const dialog = conflictDialog(tabA, renamed);
  await expect(dialog.getByRole("region", { name: "With your change" })).toContainText(`${task.title} from tab A`);
  await tabA.screenshot({ path: "test-results/screenshots/task-conflict-dark-1280.png" });
  const results = await new AxeBuilder({ page: tabA }).analyze();
  expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);

  // Focus stays in the dialog (modal): Tab moves between its two choices only.
  await expect(dialog.getByRole("button", { name: "Keep theirs" })).toBeFocused();
  await tabA.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Keep mine" })).toBeFocused();
  await tabA.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  // Focus goes back to where it was before the dialog: the task's Edit button.
  await expect(tabA.getByRole("button", { name: `Edit “${renamed}”` })).toBeFocused();
  await expect(tabA.getByText(renamed, { exact: true })).toBeVisible();
  expect(await (await apiSession(tabA.request)).get(task.id)).toMatchObject({ title: renamed });
});

test("a second change made while the refused one was in flight is asked about too, never sent on top of the newer version", async ({ openPage }) => {
  const page = await openPage({ signedIn: true });
  const { api, task } = await pageWithTask(page, "Conflict queued");

  // The first change's request is held until the second change has been made.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  await page.route(
    (url) => TASK_PATH.test(url.pathname),
    async (route) => {
      if (route.request().method() === "PATCH" && first) {
        first = false;
        await held;
      }
      await route.fallback();
    },
  );
  const ifMatches: (string | null)[] = [];
  page.on("request", (request) => {
    if (request.method() === "PATCH") ifMatches.push(request.headers()["if-match"] ?? null);
  });

  const { renamed, theirs } = await renameElsewhere(api, task);
  await page.getByRole("checkbox", { name: `Complete “${task.title}”` }).click();
  await page.getByRole("button", { name: `Edit “${task.title}”` }).click();
  const title = page.getByRole("form", { name: `Edit “${task.title}”` }).getByRole("textbox", { name: "Title" });
  await title.fill(`${task.title} (renamed here)`);
  const second = page.waitForResponse((response) => response.request().method() === "PATCH" && response.request().postDataJSON().title !== undefined);
  await title.press("Enter");
  release();

  // Both were refused: the second was conditional on the version the user saw, not on theirs.
  expect((await second).status()).toBe(412);
  // Both conditional on the version the page loaded.
  expect(ifMatches).toEqual([etag(task), etag(task)]);
  const dialog = conflictDialog(page, renamed);
  const mine = dialog.getByRole("region", { name: "With your change" });
  await expect(mine).toContainText(`Title (differs)${task.title} (renamed here)`);
  await expect(mine).toContainText("Status (differs)Complete");
  expect(await api.get(task.id)).toMatchObject({ title: renamed, complete: false, updated_at: theirs.updated_at });

  const kept = await answered(page, "PATCH", TASK_PATH, () => dialog.getByRole("button", { name: "Keep mine" }).click());
  expect(kept.status()).toBe(200);
  expect(kept.request().postDataJSON()).toEqual({ complete: true, title: `${task.title} (renamed here)` });
  expect(await kept.request().headerValue("if-match")).toBe(etag(theirs));
  expect(await api.get(task.id)).toMatchObject({ title: `${task.title} (renamed here)`, complete: true });
});
