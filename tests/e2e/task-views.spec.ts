import AxeBuilder from "@axe-core/playwright";
import type { Page, Request } from "@playwright/test";
import { apiSession, expect, TASK_PATH, TASKS_PATH, test } from "./support/fixtures";

/**
 * The views of the task page: search, sort and filter, kept in the URL (reload, back, a shared
 * link), the empty results, the page's shortcuts, and the question before leaving with a change
 * still on its way. Each test's tasks carry a marker of their own and are found by searching for
 * it, so the shared account's other tasks never get in the way.
 */

function marker(label: string): string {
  return `${label}${Date.now().toString(36)}`;
}

async function titles(page: Page): Promise<string[]> {
  return page.getByRole("list", { name: /tasks$/ }).getByRole("listitem").locator("p:first-of-type").allTextContents();
}

const heading = (page: Page) => page.getByRole("heading", { level: 2 });
const searchField = (page: Page) => page.getByRole("searchbox", { name: "Search" });
const filterButton = (page: Page, name: string) => page.getByRole("group", { name: "Show" }).getByRole("button", { name: new RegExp(`^${name}`) });

/**
 * Back or forward, once the page has finished reading for the step before. After a reload, the
 * entries made earlier have no server part in Next's router cache, so Next reads it (`_rsc`); one
 * that arrives after a further step no longer fits, and Next then loads the page anew: the right
 * view, but a whole document load that a test's next step would race.
 */
function historySteps(page: Page) {
  const reading = new Set<Request>();
  let lastChange = Date.now();
  const isServerRead = (request: Request) => new URL(request.url()).searchParams.has("_rsc");
  page.on("request", (request) => {
    if (!isServerRead(request)) return;
    reading.add(request);
    lastChange = Date.now();
  });
  const done = (request: Request) => {
    if (reading.delete(request)) lastChange = Date.now();
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  const settled = () => expect.poll(() => reading.size === 0 && Date.now() - lastChange > 300, { intervals: [100] }).toBe(true);
  return {
    back: async () => {
      await settled();
      await page.goBack();
    },
    forward: async () => {
      await settled();
      await page.goForward();
    },
  };
}

async function openTasks(page: Page, path = "/tasks") {
  await page.goto(path);
  await expect(heading(page)).toHaveText(/^\d+ tasks?/);
}

/** Three tasks with the marker: one completed, one with the marker's word only in its description. */
async function seedViewTasks(page: Page, mark: string) {
  const api = await apiSession(page.request);
  const banana = await api.create(`${mark} banana bread`);
  const apple = await api.create(`${mark} apple pie`, "with cinnamon");
  const cherry = await api.create(`${mark} cherry jam`);
  await api.complete(apple.id);
  return { api, banana: banana.title, apple: apple.title, cherry: cherry.title };
}

test("search, sort and filter come from the API and live in the URL: a reload, back and forward, and a shared link keep the view", async ({ openPage }) => {
  test.setTimeout(90_000);
  const page = await openPage({ signedIn: true });
  const mark = marker("view");
  const { banana, apple, cherry } = await seedViewTasks(page, mark);
  await openTasks(page);

  // `/` goes to the search; typing searches on the server after a short pause.
  await page.keyboard.press("/");
  await expect(searchField(page)).toBeFocused();
  const searched = page.waitForRequest((request) => TASKS_PATH.test(new URL(request.url()).pathname) && new URL(request.url()).searchParams.get("q") === mark);
  await page.keyboard.type(mark);
  expect(new URL((await searched).url()).searchParams.get("limit")).toBe("50");
  await expect(page).toHaveURL(new RegExp(`/tasks\\?q=${mark}$`));
  await expect(heading(page)).toHaveText(`3 tasks matching “${mark}” · 2 active · 1 completed`);
  expect(await titles(page)).toEqual([cherry, apple, banana]);

  // Sort: the API's order for each choice.
  const sort = page.getByRole("combobox", { name: "Sort" });
  await sort.selectOption({ label: "Title A–Z" });
  await expect(page).toHaveURL(new RegExp(`/tasks\\?q=${mark}&sort=title$`));
  await expect.poll(() => titles(page)).toEqual([apple, banana, cherry]);
  await sort.selectOption({ label: "Oldest first" });
  await expect.poll(() => titles(page)).toEqual([banana, apple, cherry]);
  await sort.selectOption({ label: "Title A–Z" });

  // Filter, on the server too (complete=false).
  const activeList = page.waitForResponse((response) => TASKS_PATH.test(new URL(response.url()).pathname) && new URL(response.url()).searchParams.get("complete") === "false");
  await filterButton(page, "Active").click();
  expect((await activeList).status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`/tasks\\?filter=active&q=${mark}&sort=title$`));
  await expect.poll(() => titles(page)).toEqual([banana, cherry]);
  await expect(filterButton(page, "Active")).toHaveText("Active 2");
  await expect(filterButton(page, "Completed")).toHaveText("Completed 1");

  // A reload shows the same view, controls and all.
  const history = historySteps(page);
  await page.reload();
  await expect.poll(() => titles(page)).toEqual([banana, cherry]);
  await expect(searchField(page)).toHaveValue(mark);
  await expect(sort).toHaveValue("title");
  await expect(filterButton(page, "Active")).toHaveAttribute("aria-pressed", "true");

  // Back walks through the views chosen, one step each; forward comes back.
  await history.back();
  await expect(page).toHaveURL(new RegExp(`/tasks\\?q=${mark}&sort=title$`));
  await expect(filterButton(page, "All")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => titles(page)).toEqual([apple, banana, cherry]);
  await history.back();
  await expect(page).toHaveURL(new RegExp(`/tasks\\?q=${mark}&sort=oldest$`));
  await expect(sort).toHaveValue("oldest");
  await history.back();
  await history.back();
  await expect(page).toHaveURL(new RegExp(`/tasks\\?q=${mark}$`));
  await expect(sort).toHaveValue("newest");
  await history.back();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(searchField(page)).toHaveValue("");
  await expect(heading(page)).not.toContainText("matching");
  await history.forward();
  await expect(searchField(page)).toHaveValue(mark);
  await expect.poll(() => titles(page)).toEqual([cherry, apple, banana]);

  // A shared link opens the same view in another browser.
  const other = await openPage({ signedIn: true });
  await other.goto(`/tasks?filter=completed&q=${mark}&sort=title`);
  await expect.poll(() => titles(other)).toEqual([apple]);
  await expect(filterButton(other, "Completed")).toHaveAttribute("aria-pressed", "true");
  await expect(searchField(other)).toHaveValue(mark);

  // The description is searched too.
  await searchField(other).fill("CINNAMON");
  await expect(other).toHaveURL(/\/tasks\?filter=completed&q=CINNAMON&sort=title$/);
  await expect(heading(other)).toContainText("matching “CINNAMON”");
  expect(await titles(other)).toContain(apple);
});

test("letters typed while the search before them is on its way are kept, on a slow page too", async ({ openPage }) => {
  test.setTimeout(90_000);
  const page = await openPage({ signedIn: true });
  const typed = `${marker("slow")} typed on and on`;
  const api = await apiSession(page.request);
  const task = await api.create(typed);
  await openTasks(page);
  const searched = new Set<string>();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (TASKS_PATH.test(url.pathname) && url.searchParams.has("q")) searched.add(url.searchParams.get("q")!);
  });

  // A busy device: each search sent as the pause ends renders while the next key is pressed.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 20 });
  await searchField(page).focus();
  await page.keyboard.type(typed, { delay: 150 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

  await expect(searchField(page)).toHaveValue(typed);
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(typed);
  await expect.poll(() => titles(page)).toEqual([task.title]);
  // Searches went out while typing went on: the case this is about did happen.
  expect([...searched].filter((q) => q !== typed).length).toBeGreaterThan(0);
});

test("an empty result says why and offers to clear the search; Escape clears it too", async ({ openPage }) => {
  const page = await openPage({ signedIn: true, colorScheme: "dark" });
  const mark = marker("none");
  await openTasks(page, `/tasks?filter=active&q=${mark}`);
  await expect(page.getByText(`No active tasks match “${mark}”.`)).toBeVisible();
  await expect(heading(page)).toHaveText(`0 tasks matching “${mark}”`);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/tasks-no-match-dark-1280.png" });

  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(page).toHaveURL(/\/tasks\?filter=active$/);
  await expect(searchField(page)).toHaveValue("");
  await expect(searchField(page)).toBeFocused();
  await expect(page.getByText(`No active tasks match`)).toHaveCount(0);

  await page.keyboard.type(mark);
  await expect(page).toHaveURL(new RegExp(`/tasks\\?filter=active&q=${mark}$`));
  await page.keyboard.press("Escape");
  await expect(searchField(page)).toHaveValue("");
  await expect(page).toHaveURL(/\/tasks\?filter=active$/);
  await expect(searchField(page)).toBeFocused();
});

test("shortcuts: n goes to the new task's title and / to the search, but not while typing in a field", async ({ openPage }) => {
  const page = await openPage({ signedIn: true });
  await openTasks(page);
  const title = page.getByRole("textbox", { name: "Title" });

  await page.keyboard.press("n");
  await expect(title).toBeFocused();
  await page.keyboard.type("n/");
  await expect(title).toHaveValue("n/");
  await expect(title).toBeFocused();

  await filterButton(page, "All").focus();
  await page.keyboard.press("/");
  await expect(searchField(page)).toBeFocused();
  await page.keyboard.type("n");
  await expect(searchField(page)).toHaveValue("n");
  await expect(title).toHaveValue("n/");
});

test("leaving while a change is still on its way asks first; once it has arrived, nothing asks", async ({ openPage }) => {
  const page = await openPage({ signedIn: true });
  const task = await (await apiSession(page.request)).create(`Leave guard ${Date.now()}`);
  await openTasks(page);

  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => TASK_PATH.test(url.pathname),
    async (route) => {
      if (route.request().method() === "PATCH") await held;
      await route.fallback();
    },
  );
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });

  const checkbox = page.getByRole("checkbox", { name: `Complete “${task.title}”` });
  await checkbox.click();
  await expect(checkbox).toBeChecked();
  const saving = page.getByText("Saving…");
  await expect(saving).toBeVisible();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(["beforeunload"]);
  expect(page.isClosed()).toBe(false);

  const saved = page.waitForResponse((response) => response.request().method() === "PATCH");
  release();
  expect((await saved).status()).toBe(200);
  await expect(saving).toHaveCount(0);
  const closed = page.waitForEvent("close");
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(dialogs).toEqual(["beforeunload"]);
});

test("the first view that came with the page is used once: after Settings and Back, a change made meanwhile still shows", async ({ openPage }) => {
  const page = await openPage({ signedIn: true });
  const mark = marker("back");
  const { banana } = await seedViewTasks(page, mark);
  await openTasks(page, `/tasks?q=${mark}`);
  const checkbox = page.getByRole("checkbox", { name: `Complete “${banana}”` });
  await expect(checkbox).not.toBeChecked();
  const saved = page.waitForResponse((response) => response.request().method() === "PATCH");
  await checkbox.click();
  expect((await saved).status()).toBe(200);

  // Settings and Back inside the app: Next shows the task page it rendered before, with the
  // first view read then, when the task was still open.
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/tasks\\?q=${mark}$`));
  await expect(checkbox).toBeChecked();
  await expect(heading(page)).toHaveText(`3 tasks matching “${mark}” · 1 active · 2 completed`);
});

test("the home page and the task page's header lead to the API docs", async ({ openPage }) => {
  const home = await openPage();
  await home.goto("/");
  await expect(home.getByRole("link", { name: "API docs" })).toHaveAttribute("href", "/docs");

  const page = await openPage({ signedIn: true });
  await openTasks(page);
  await page.getByRole("banner").getByRole("link", { name: "API docs" }).click();
  await expect(page).toHaveURL(/\/docs$/);
});
