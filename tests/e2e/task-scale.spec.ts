import type { Browser, BrowserContext, Page, Request } from "@playwright/test";
import pg from "pg";
import { apiSession, expect, signUpThroughApi, TASK_PATH, test, type Account } from "./support/fixtures";

/**
 * The task page with one person's 5,000 tasks (seeded by SQL), on PostgreSQL, against the
 * production build: how fast the first row shows, that a change is one request, how fast a
 * search answers, that the DOM stays small while scrolling to the very last task, and that a
 * change deep in the list works. The figures are printed (and attached to the report).
 */
const TASKS = 5_000;
const FIRST_ROW_BUDGET_MS = 1_000;
// The same page with a few tasks, measured in turns with the 5,000: printed beside, to show that
// how many tasks a person has does not show.
const SMALL_LIST = 20;
const SEARCH_BUDGET_MS = 300;
const DOM_ROWS_BUDGET = 300;
// A page of 200 rows arrives well within this on a loaded machine; longer with the end in view is a stop.
const STALL_MS = 15_000;

const databaseUrl = process.env.E2E_DATABASE_URL;
test.skip(!databaseUrl, "needs PostgreSQL: set E2E_DATABASE_URL (the PostgreSQL e2e run does)");
// Time budgets on a machine shared with other builds: a try that lost to a burst of load gets
// another chance (a retry starts over with a new user); a page that is really slower fails them all.
test.describe.configure({ timeout: 120_000, retries: 2 });

const figures: Record<string, string> = {};
let account: Account;
let smallAccount: Account;
let taskIds: { newest: number; oldest: number };

/** Titles "Seeded task 1" (oldest) … "Seeded task <count>"; every 4th completed; every 10th mentions milk. */
async function seed(userId: string, count = TASKS) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Task ids are bigint, which node-postgres returns as strings: numbers here, or `oldest + 1`
    // would append a digit.
    const { rows } = await client.query<{ newest: string; oldest: string }>(
      `with inserted as (
         insert into tasks (user_id, title, description, complete, created_at, updated_at)
         select $1, 'Seeded task ' || n, case when n % 10 = 0 then 'Also buy milk' end, n % 4 = 0,
                now() - (($2 - n) * interval '1 second'), now() - (($2 - n) * interval '1 second')
         from generate_series(1, $2::int) as n
         returning id)
       select max(id) as newest, min(id) as oldest from inserted`,
      [userId, count],
    );
    return { newest: Number(rows[0]!.newest), oldest: Number(rows[0]!.oldest) };
  } finally {
    await client.end();
  }
}

test.beforeAll(async ({ playwright }, workerInfo) => {
  const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
  account = await signUpThroughApi(request, "Morgan Many", "scale");
  taskIds = await seed((await apiSession(request)).userId);
  await request.dispose();
  const smallRequest = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
  smallAccount = await signUpThroughApi(smallRequest, "Sam Few", "scale-small");
  await seed((await apiSession(smallRequest)).userId, SMALL_LIST);
  await smallRequest.dispose();
});

test.afterAll(async ({}, testInfo) => {
  const lines = Object.entries(figures).map(([name, value]) => `  ${name}: ${value}`);
  console.log(`Task page with ${TASKS.toLocaleString("en")} tasks (production build, PostgreSQL, Chromium):\n${lines.join("\n")}`);
  await testInfo.attach("scale-figures.json", { body: JSON.stringify(figures, null, 2), contentType: "application/json" });
});

async function signedInContext(browser: Browser, baseURL: string | undefined, as: Account = account): Promise<BrowserContext> {
  return browser.newContext({ baseURL, storageState: as.storageState, viewport: { width: 1280, height: 1000 } });
}

/** API calls the page makes from now on, as "METHOD /path?query". */
function recordApiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/") && url.pathname !== "/api/auth/token") calls.push(`${request.method()} ${url.pathname.replace(/^\/api\/[^/]+/, "")}${url.search}`);
  });
  return calls;
}

const row = (page: Page, taskId: number) => page.locator(`li[data-task-id="${taskId}"]`);

/**
 * Scrolls to the end of the page again and again, as a person holding End would, until the row
 * with this id is in the page; the list must load on by itself. Fails as soon as it stops: the
 * page did not grow for STALL_MS with the end in view. Returns how many scrolls it took.
 */
async function scrollUntilRow(page: Page, taskId: number): Promise<number> {
  const { scrolls, found, height } = await page.evaluate(
    async ({ taskId, stallMs }) => {
      let scrolls = 0;
      let height = 0;
      let grewAt = performance.now();
      const present = () => document.querySelector(`li[data-task-id="${taskId}"]`) !== null;
      while (!present() && performance.now() - grewAt < stallMs) {
        window.scrollTo(0, document.documentElement.scrollHeight);
        scrolls += 1;
        await new Promise((resolve) => setTimeout(resolve, 30));
        if (document.documentElement.scrollHeight !== height) {
          height = document.documentElement.scrollHeight;
          grewAt = performance.now();
        }
      }
      return { scrolls, found: present(), height };
    },
    { taskId, stallMs: STALL_MS },
  );
  expect(found, `the list stopped loading with its end in view (page height ${height} px, ${scrolls} scrolls)`).toBe(true);
  return scrolls;
}

/** The list heading's counts, e.g. "5,000 tasks · 3,750 active · 1,250 completed". */
async function headingCounts(page: Page) {
  const heading = page.getByRole("heading", { level: 2 });
  await expect(heading).toHaveText(/^[\d,]+ tasks · [\d,]+ active · [\d,]+ completed$/);
  const [all, active, completed] = ((await heading.textContent()) ?? "").match(/[\d,]+/g)!.map((number) => Number(number.replaceAll(",", "")));
  return { all: all!, active: active!, completed: completed! };
}

function countsText({ all, active, completed }: { all: number; active: number; completed: number }): string {
  return `${all.toLocaleString("en")} tasks · ${active.toLocaleString("en")} active · ${completed.toLocaleString("en")} completed`;
}
const renderedRows = (page: Page) => page.locator("li[data-task-id]").count();

/**
 * Milliseconds from the start of navigation until a task row is in the page, taken in the page
 * and reported through a binding: no polling from the test competes with the page while it loads.
 */
async function firstRowAfterNavigation(page: Page): Promise<number> {
  let reported: (at: number) => void = () => {};
  const firstRowAt = new Promise<number>((resolve) => (reported = resolve));
  await page.exposeFunction("reportFirstRow", (at: number) => reported(at));
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector("li[data-task-id]")) return;
      observer.disconnect();
      void (window as unknown as { reportFirstRow: (at: number) => Promise<void> }).reportFirstRow(performance.now());
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto("/tasks", { waitUntil: "commit" });
  const at = await firstRowAt;
  await expect(page.locator("li[data-task-id]").first()).toBeVisible();
  return at;
}

// The machine is shared (other builds and tests): load only ever adds time, so each budget holds
// for the fastest of a few tries, and the median is printed beside it.
const TRIES = 5;

function summary(times: number[]): { fastest: number; text: string } {
  const sorted = [...times].sort((a, b) => a - b);
  const all = times.map((time) => Math.round(time)).join(", ");
  return { fastest: sorted[0]!, text: `${Math.round(sorted[0]!)} ms fastest, ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms median (${all} ms)` };
}

test("the first row shows within a second, in the page's HTML: the page asks the API for nothing on load", async ({ browser, baseURL }) => {
  // The server's first request after start-up (connections, prepared statements) is not the page's.
  const warm = await signedInContext(browser, baseURL);
  await firstRowAfterNavigation(await warm.newPage());
  await warm.close();

  const times: number[] = [];
  const smallTimes: number[] = [];
  let calls: string[] = [];
  for (let run = 0; run < TRIES; run++) {
    // A new context each time: no HTTP cache, no query cache. The two lists take turns, so the
    // machine's changing load falls on both alike.
    const small = await signedInContext(browser, baseURL, smallAccount);
    smallTimes.push(await firstRowAfterNavigation(await small.newPage()));
    await small.close();
    const context = await signedInContext(browser, baseURL);
    const page = await context.newPage();
    calls = recordApiCalls(page);
    // The page asks for its token once its script runs (after hydration): any read of the list it
    // made on load would follow that token at once.
    const tokenIssued = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/auth/token");
    times.push(await firstRowAfterNavigation(page));
    expect((await headingCounts(page)).all).toBe(TASKS);
    expect((await tokenIssued).status()).toBe(200);
    await page.waitForTimeout(500);
    await context.close();
  }
  const { fastest, text } = summary(times);
  const small = summary(smallTimes);
  figures["first row after navigation"] = `${text}; cold browser cache`;
  figures[`first row with ${SMALL_LIST} tasks`] = `${small.text}; ratio of the fastest ${(fastest / small.fastest).toFixed(2)}`;
  figures["requests on load"] = calls.length ? calls.join(", ") : "none (the first page and the counts come with the page)";
  // The server read the first page and the counts while rendering the page.
  expect(calls).toEqual([]);
  expect(fastest).toBeLessThanOrEqual(FIRST_ROW_BUDGET_MS);
});

test("a toggle shows at once, before the server answers, and settles with that one request", async ({ browser, baseURL }) => {
  const context = await signedInContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto("/tasks");
  // Tasks 4,999, 4,998 and 4,997: active ones (every 4th is completed), near the top.
  const rows = [1, 2, 3].map((back) => ({ id: taskIds.newest - back, title: `Seeded task ${TASKS - back}` }));
  for (const { id, title } of rows) await expect(row(page, id)).toContainText(title);
  const before = await headingCounts(page);

  // Each PATCH is held until the test lets it through.
  const held: (() => void)[] = [];
  await page.route(
    (url) => TASK_PATH.test(url.pathname),
    async (route) => {
      await new Promise<void>((resolve) => held.push(resolve));
      await route.fallback();
    },
  );
  const calls = recordApiCalls(page);
  const shown: number[] = [];
  const answered: number[] = [];
  for (const [index, { id }] of rows.entries()) {
    const checkbox = row(page, id).getByRole("checkbox");
    await expect(checkbox).not.toBeChecked();
    // Timed in the page: from the click until the row shows the task complete.
    shown.push(
      await checkbox.evaluate(async (box: HTMLInputElement) => {
        const item = box.closest("li")!;
        const start = performance.now();
        box.click();
        while (item.dataset.complete !== "true") await new Promise(requestAnimationFrame);
        return performance.now() - start;
      }),
    );
    // Shown while the server has not answered: the request is still held.
    await expect.poll(() => held.length).toBe(index + 1);
    await expect(checkbox).toBeChecked();
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(countsText({ ...before, active: before.active - index - 1, completed: before.completed + index + 1 }));
    const response = page.waitForResponse((candidate) => candidate.request().method() === "PATCH");
    const letThrough = Date.now();
    held[index]!();
    expect((await response).status()).toBe(200);
    answered.push(Date.now() - letThrough);
  }
  // Anything a change would still cause (a re-read of the list) has long started by then.
  await page.waitForTimeout(1_000);
  const { fastest, text } = summary(shown);
  figures["toggle shown after"] = `${text}; the server's answer held back meanwhile`;
  figures["requests per toggle"] = `1, the PATCH (answered ${answered.join(", ")} ms after being let through); nothing re-read`;
  expect(calls).toEqual(rows.map(({ id }) => `PATCH /tasks/${id}`));
  expect(fastest).toBeLessThan(100);
  await context.close();
});

/** Types a search; milliseconds from its last keystroke until the list shows only `wanted`, and the request's own time. */
async function timeSearch(page: Page, wanted: string) {
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.evaluate((input, title) => {
    const marks = window as unknown as { lastKeyAt?: number; answeredAt?: number };
    marks.lastKeyAt = marks.answeredAt = undefined;
    input.addEventListener("input", () => (marks.lastKeyAt = performance.now()));
    const observer = new MutationObserver(() => {
      const rows = [...document.querySelectorAll("li[data-task-id]")];
      const busy = document.querySelector("ul[aria-busy='true']");
      if (!busy && rows.length === 1 && rows[0]!.querySelector("p")?.textContent === title) {
        marks.answeredAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  }, wanted);
  await search.click();
  const searched = page.waitForResponse((response) => new URL(response.url()).searchParams.get("q") === wanted);
  await page.keyboard.type(wanted, { delay: 40 });
  const timing = (await searched).request().timing();
  await expect(page.locator("li[data-task-id]")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(new RegExp(`^1 task matching “${wanted}”`));
  const { lastKeyAt, answeredAt } = await page.evaluate(() => {
    const marks = window as unknown as { lastKeyAt: number; answeredAt: number };
    return { lastKeyAt: marks.lastKeyAt, answeredAt: marks.answeredAt };
  });
  // Escape clears the search: the whole list again, from the cache.
  await page.keyboard.press("Escape");
  await expect(page.locator("li[data-task-id]").nth(1)).toBeVisible();
  return { answer: answeredAt - lastKeyAt, request: timing.responseEnd - timing.requestStart };
}

test("a search answers within 300 ms of the last keystroke", async ({ browser, baseURL }) => {
  const context = await signedInContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto("/tasks");
  await expect(page.locator("li[data-task-id]").first()).toBeVisible();

  const results = [];
  for (let run = 0; run < TRIES; run++) results.push(await timeSearch(page, `Seeded task ${4321 - run * 777}`));
  const { fastest, text } = summary(results.map((result) => result.answer));
  const requests = summary(results.map((result) => result.request));
  figures["search answered after the last keystroke"] = `${text}; 150 ms of it the pause before searching; the request itself ${Math.round(requests.fastest)}–${Math.round(Math.max(...results.map((result) => result.request)))} ms`;
  expect(fastest).toBeLessThanOrEqual(SEARCH_BUDGET_MS);

  // A search for a word in descriptions pages through its 500 matches the same way.
  await page.getByRole("searchbox", { name: "Search" }).fill("milk");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`500 tasks matching “milk” · 250 active · 250 completed`);
  await context.close();
});

test("scrolling to the last of 5,000 tasks keeps a few dozen rows in the DOM; a change that deep is one request and keeps the place", async ({ browser, baseURL }) => {
  // How long the scroll takes is printed, not asserted.
  test.setTimeout(240_000);
  const context = await signedInContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto("/tasks");
  await expect(row(page, taskIds.newest)).toBeVisible();
  const calls = recordApiCalls(page);

  // In the page: the most task rows the DOM held at any moment.
  await page.evaluate(() => {
    const marks = window as unknown as { maxRows: number };
    marks.maxRows = 0;
    new MutationObserver(() => {
      marks.maxRows = Math.max(marks.maxRows, document.querySelectorAll("li[data-task-id]").length);
    }).observe(document.body, { childList: true, subtree: true });
  });
  const started = Date.now();
  const scrolls = await scrollUntilRow(page, taskIds.oldest);
  const last = row(page, taskIds.oldest);
  await expect(last).toBeVisible();
  await last.scrollIntoViewIfNeeded();
  const scrolledFor = Date.now() - started;
  const maxRows = await page.evaluate(() => (window as unknown as { maxRows: number }).maxRows);
  const pages = calls.filter((call) => call.startsWith("GET /tasks?")).length;
  figures["scroll to the last task"] = `${(scrolledFor / 1000).toFixed(1)} s, ${pages} more pages of up to 200, ${scrolls} scrolls`;
  figures["most task rows in the DOM while scrolling"] = `${maxRows} (of ${TASKS.toLocaleString("en")} loaded)`;
  // After the first page of 50, pages of 200.
  expect(pages).toBe(Math.ceil((TASKS - 50) / 200));
  expect(maxRows).toBeLessThanOrEqual(DOM_ROWS_BUDGET);
  expect(await renderedRows(page)).toBeLessThanOrEqual(DOM_ROWS_BUDGET);
  await expect(page.getByText("Seeded task 1", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.querySelectorAll("button").length)).toBeLessThan(DOM_ROWS_BUDGET * 3);

  // Toggle the last task: one PATCH, nothing re-read, the page stays where it is.
  const before = await headingCounts(page);
  calls.length = 0;
  const scrollY = await page.evaluate(() => window.scrollY);
  const checkbox = last.getByRole("checkbox", { name: "Complete “Seeded task 1”" });
  const toggled = page.waitForResponse((response) => response.request().method() === "PATCH");
  await checkbox.click();
  expect((await toggled).status()).toBe(200);
  await expect(checkbox).toBeChecked();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(countsText({ ...before, active: before.active - 1, completed: before.completed + 1 }));

  // Delete the one above it: one DELETE; focus goes to the list's heading without scrolling there.
  const above = row(page, taskIds.oldest + 1);
  await above.getByRole("button", { name: "Delete “Seeded task 2”" }).click();
  const deleted = page.waitForResponse((response) => response.request().method() === "DELETE" && TASK_PATH.test(new URL(response.url()).pathname));
  await above.getByRole("button", { name: "Yes, delete" }).click();
  expect((await deleted).status()).toBe(204);
  await expect(row(page, taskIds.oldest + 1)).toHaveCount(0);
  // Task 2 is an active one.
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(countsText({ all: before.all - 1, active: before.active - 2, completed: before.completed + 1 }));
  await expect(page.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(last).toBeInViewport();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollY)).toBeLessThan(200);
  await page.waitForTimeout(500);
  expect(calls).toEqual([`PATCH /tasks/${taskIds.oldest}`, `DELETE /tasks/${taskIds.oldest + 1}`]);

  const api = await apiSession(page.request);
  expect(await api.get(taskIds.oldest)).toMatchObject({ title: "Seeded task 1", complete: true });
  expect(await api.get(taskIds.oldest + 1)).toBeNull();
  figures["a change 5,000 rows deep"] = "toggle: 1 request; delete: 1 request; no list re-read; the page did not jump";
  await context.close();
});

test("the list loads on by itself when the page reports what scrolled into view late, several changes at once", async ({ browser, baseURL }) => {
  // A busy page hands an IntersectionObserver's callback the changes queued since the last one,
  // oldest first. Here every callback is held back and handed over in batches, as on a busy
  // machine; the list must follow the latest change, not the first.
  const context = await signedInContext(browser, baseURL);
  await context.addInitScript(() => {
    const Native = window.IntersectionObserver;
    window.IntersectionObserver = class extends Native {
      constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
        let queued: IntersectionObserverEntry[] = [];
        let timer: number | undefined;
        super((entries, observer) => {
          queued.push(...entries);
          timer ??= window.setTimeout(() => {
            const batch = queued;
            queued = [];
            timer = undefined;
            callback(batch, observer);
          }, 400);
        }, options);
      }
    };
  });
  const page = await context.newPage();
  await page.goto("/tasks");
  await expect(row(page, taskIds.newest)).toBeVisible();
  const started = Date.now();
  await scrollUntilRow(page, taskIds.oldest);
  figures["scroll to the last task, the page reporting late"] = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  await context.close();
});

test("keyboard deep in the list: Tab walks on through rows that were not rendered yet, and focus survives scrolling away", async ({ browser, baseURL }) => {
  const context = await signedInContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto("/tasks?sort=oldest");
  // The list is virtualised once past 200 rows: load the second page.
  await expect(row(page, taskIds.oldest)).toBeVisible();
  await expect
    .poll(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      return page.locator("ul[data-virtual]").count();
    })
    .toBe(1);
  await page.evaluate(() => window.scrollTo(0, 0));

  await row(page, taskIds.oldest).getByRole("checkbox").focus();
  // Three stops per row (checkbox, Edit, Delete): 60 rows on, far past what was rendered at first.
  for (let presses = 0; presses < 180; presses++) await page.keyboard.press("Tab");
  // The 61st task, oldest first, as the API has it (another test may have deleted one before it).
  const { headers, tasksUrl } = await apiSession(page.request);
  const sixtyOne = (await (await page.request.get(`${tasksUrl}?sort=id&order=asc&limit=61`, { headers })).json()) as { tasks: { title: string; complete: boolean }[] };
  const target = sixtyOne.tasks.at(-1)!;
  const focused = page.locator(":focus");
  await expect(focused).toHaveAccessibleName(`Complete “${target.title}”`);
  await expect(focused).toBeInViewport();

  // Scrolled far away with the mouse wheel, the focused row stays in the DOM, with focus in it.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(300);
  await expect(focused).toHaveAccessibleName(`Complete “${target.title}”`);
  await page.keyboard.press("Space");
  if (target.complete) await expect(focused).not.toBeChecked();
  else await expect(focused).toBeChecked();
  await context.close();
});
