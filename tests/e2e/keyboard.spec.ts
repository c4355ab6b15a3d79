import type { Locator, Page } from "@playwright/test";
import { answered, expect, TASK_PATH, TASKS_PATH, test } from "./support/fixtures";

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it never gets there. */
async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab") {
  for (let presses = 0; presses < 25; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** The focused element shows a focus ring (an outline of at least 2 px). */
async function expectVisibleFocus(target: Locator) {
  await expect(target).toBeFocused();
  const outline = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).toBeGreaterThanOrEqual(2);
}

test("keyboard only: create with Enter, toggle with Space, Escape cancels an edit, delete after confirming; focus always visible", async ({ openPage }) => {
  const page = await openPage({ signedIn: true });
  await page.goto("/tasks");
  await expect(page.getByRole("heading", { level: 2, name: /^\d+ tasks?/ })).toBeVisible();
  const title = `Keyboard task ${Date.now()}`;

  await page.keyboard.press("Tab");
  await expectVisibleFocus(page.getByRole("link", { name: "Skip to content" }));

  const titleField = page.getByRole("textbox", { name: "Title" });
  await tabTo(page, titleField);
  await expectVisibleFocus(titleField);
  await page.keyboard.type(title);
  const created = await answered(page, "POST", TASKS_PATH, () => page.keyboard.press("Enter"));
  expect(created.status()).toBe(201);
  await expect(titleField).toHaveValue("");
  await expect(titleField).toBeFocused();

  const checkbox = page.getByRole("checkbox", { name: `Complete “${title}”` });
  await tabTo(page, checkbox);
  await expectVisibleFocus(checkbox);
  await answered(page, "PATCH", TASK_PATH, () => page.keyboard.press("Space"));
  await expect(checkbox).toBeChecked();

  const edit = page.getByRole("button", { name: `Edit “${title}”` });
  await tabTo(page, edit);
  await expectVisibleFocus(edit);
  await page.keyboard.press("Enter");
  const editTitle = page.getByRole("form", { name: `Edit “${title}”` }).getByRole("textbox", { name: "Title" });
  await expect(editTitle).toBeFocused();
  await page.keyboard.type("discarded");
  await page.keyboard.press("Escape");
  await expectVisibleFocus(edit);
  await expect(checkbox).toBeVisible();

  await page.keyboard.press("Enter");
  await expect(editTitle).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(`${title} (edited)`);
  const saved = await answered(page, "PATCH", TASK_PATH, () => page.keyboard.press("Enter"));
  expect(saved.status()).toBe(200);
  const renamed = `${title} (edited)`;
  await expect(page.getByRole("button", { name: `Edit “${renamed}”` })).toBeFocused();

  const remove = page.getByRole("button", { name: `Delete “${renamed}”` });
  await tabTo(page, remove);
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("group", { name: `Delete “${renamed}”?` });
  await expectVisibleFocus(confirm.getByRole("button", { name: "Cancel" }));
  await page.keyboard.press("Escape");
  await expect(remove).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Shift+Tab");
  await expectVisibleFocus(confirm.getByRole("button", { name: "Yes, delete" }));
  const deleted = await answered(page, "DELETE", TASK_PATH, () => page.keyboard.press("Enter"));
  expect(deleted.status()).toBe(204);
  await expect(page.getByRole("checkbox", { name: `Complete “${renamed}”` })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: /^\d+ tasks?/ })).toBeFocused();

  // The filters are buttons too.
  const active = page.getByRole("group", { name: "Show" }).getByRole("button", { name: /^Active/ });
  await tabTo(page, active);
  await expectVisibleFocus(active);
  await page.keyboard.press("Enter");
  await expect(active).toHaveAttribute("aria-pressed", "true");
});
