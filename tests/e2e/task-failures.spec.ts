import type { Page } from "@playwright/test";
import { answered, apiSession, envelope, expect, TASK_PATH, TASKS_PATH, test } from "./support/fixtures";

type UrlMatch = RegExp | ((url: URL) => boolean);
const matches = (match: UrlMatch, url: URL) => (match instanceof RegExp ? match.test(url.pathname) : match(url));

/** The list of active tasks (not its count, which asks for the completed ones with limit=1). */
const ACTIVE_LIST = (url: URL) => TASKS_PATH.test(url.pathname) && url.searchParams.get("complete") === "false";

/** Calls to one API path (or URLs that match) and method, counted (and timed) as the page makes them. */
function track(page: Page, method: string, match: UrlMatch) {
  const times: number[] = [];
  page.on("request", (request) => {
    if (request.method() === method && matches(match, new URL(request.url()))) times.push(Date.now());
  });
  return times;
}

async function interceptOnce(page: Page, method: string, match: UrlMatch, status: number, body: string, times = Infinity) {
  let left = times;
  await page.route(
    (url) => matches(match, url),
    async (route) => {
      if (route.request().method() !== method || left <= 0) return route.fallback();
      left -= 1;
      await route.fulfill({ status, contentType: "application/json", body });
    },
  );
}

async function openTasks(page: Page) {
  await page.goto("/tasks");
  await expect(page.getByRole("heading", { level: 2, name: /^\d+ tasks?/ })).toBeVisible();
}

/** The active tasks, or the words that there are none. */
const activeShown = (page: Page) => page.getByRole("list", { name: "Active tasks" }).or(page.getByText(/^No (active )?tasks/));

/**
 * The first view comes with the page (the server reads it): the browser's own reads of the list
 * start with another view. Opens the task page and shows the active tasks.
 */
async function showActive(page: Page) {
  await openTasks(page);
  await page.getByRole("group", { name: "Show" }).getByRole("button", { name: /^Active/ }).click();
}

test.describe("sign-in and sign-up failures", () => {
  test("a wrong password is refused with the server's message; the visitor stays on sign-in", async ({ openPage, account }) => {
    const page = await openPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("not-the-password");
    const response = await answered(page, "POST", /^\/api\/auth\/sign-in\/email$/, () => page.getByRole("button", { name: "Sign in" }).click());
    expect(response.status()).toBe(401);
    await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  });

  test("a forged session cookie gets past the proxy's cookie check, but the page's own session check sends it to sign in", async ({ openPage, baseURL }) => {
    const page = await openPage();
    await page.context().addCookies([{ name: "better-auth.session_token", value: "forged.value", url: baseURL! }]);
    const tokens = track(page, "GET", /^\/api\/auth\/token$/);
    // The proxy only looks for the cookie and lets this one through; the page checks the session.
    await page.goto("/tasks");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    // Redirected on the server: the task app never started (it would have asked for a token).
    expect(tokens).toHaveLength(0);
  });

  test("sign-up checks every field before sending, with each message next to its field", async ({ openPage }) => {
    const page = await openPage();
    const sent = track(page, "POST", /^\/api\/auth\/sign-up/);
    await page.goto("/sign-up");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Confirm password").fill("shorter");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Name")).toBeFocused();
    await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name");
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter an email address like name@example.com");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/Password must be at least 8 characters/);
    await expect(page.getByLabel("Confirm password")).toHaveAccessibleDescription("Passwords do not match");
    await expect(page.getByLabel("Confirm password")).toHaveAttribute("aria-invalid", "true");
    expect(sent).toHaveLength(0);
  });
});

test.describe("task page failures", () => {
  test("a create the server rejects shows the server's detail, and its field message next to the title", async ({ openPage }) => {
    const page = await openPage({ signedIn: true });
    const posts = track(page, "POST", TASKS_PATH);
    await interceptOnce(
      page,
      "POST",
      TASKS_PATH,
      422,
      envelope("Validation failed: title is already on your list", "VALIDATION_ERROR", [{ loc: ["body", "title"], msg: "title is already on your list" }]),
    );
    await openTasks(page);
    const title = page.getByRole("textbox", { name: "Title" });
    await title.fill("Water the plants");
    await title.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "Validation failed: title is already on your list" })).toBeVisible();
    await expect(title).toHaveAccessibleDescription(/title is already on your list/);
    await expect(title).toHaveAttribute("aria-invalid", "true");
    await expect(title).toHaveValue("Water the plants");
    expect(posts).toHaveLength(1);
  });

  test("a create that fails on the server is not retried (POST) and says why", async ({ openPage }) => {
    const page = await openPage({ signedIn: true });
    const posts = track(page, "POST", TASKS_PATH);
    await interceptOnce(page, "POST", TASKS_PATH, 500, envelope("The database is unavailable. Please retry shortly.", "DATABASE_ERROR"));
    await openTasks(page);
    await page.getByRole("textbox", { name: "Title" }).fill("Not twice");
    await page.getByRole("button", { name: "Add task" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The database is unavailable. Please retry shortly." })).toBeVisible();
    await page.waitForTimeout(1500); // a retry would have gone out after 1 s
    expect(posts).toHaveLength(1);
  });

  test("a toggle the server keeps failing is retried 3 times, 1 s, 2 s and 4 s apart, then rolled back with a message", async ({ openPage }) => {
    const page = await openPage({ signedIn: true });
    const task = await (await apiSession(page.request)).create(`Toggle rollback ${Date.now()}`);
    const patches = track(page, "PATCH", TASK_PATH);
    await interceptOnce(page, "PATCH", TASK_PATH, 500, envelope("The database is unavailable. Please retry shortly.", "DATABASE_ERROR"));
    await openTasks(page);
    const checkbox = page.getByRole("checkbox", { name: `Complete “${task.title}”` });
    await checkbox.click();
    await expect(checkbox).toBeChecked(); // at once, before the server answers
    await expect(page.getByRole("alert").filter({ hasText: `Couldn't mark “${task.title}” as complete: The database is unavailable. Please retry shortly. The change was undone.` })).toBeVisible({
      timeout: 15_000,
    });
    await expect(checkbox).not.toBeChecked();
    expect(patches).toHaveLength(4);
    const gaps = patches.slice(1).map((time, index) => time - patches[index]!);
    [1000, 2000, 4000].forEach((expected, index) => {
      expect(gaps[index]).toBeGreaterThanOrEqual(expected - 100);
      expect(gaps[index]).toBeLessThan(expected + 1500);
    });
  });

  test("a refused delete (403) puts the task back and says Access denied, without retrying", async ({ openPage }) => {
    const page = await openPage({ signedIn: true });
    const task = await (await apiSession(page.request)).create(`Delete refused ${Date.now()}`);
    const deletes = track(page, "DELETE", TASK_PATH);
    await interceptOnce(page, "DELETE", TASK_PATH, 403, envelope("You may only access your own tasks.", "AUTH_FORBIDDEN"));
    await openTasks(page);
    await page.getByRole("button", { name: `Delete “${task.title}”` }).click();
    await page.getByRole("group", { name: `Delete “${task.title}”?` }).getByRole("button", { name: "Yes, delete" }).click();
    await expect(page.getByRole("alert").filter({ hasText: `Couldn't delete “${task.title}”: Access denied. It is back in your list.` })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: `Complete “${task.title}”` })).toBeVisible();
    expect(deletes).toHaveLength(1);
    // The message can be dismissed.
    await page.getByRole("button", { name: "Dismiss" }).click();
    await expect(page.getByText("It is back in your list.")).toHaveCount(0);
  });

  test("a refused edit (422) is rolled back with the server's detail", async ({ openPage }) => {
    const page = await openPage({ signedIn: true });
    const task = await (await apiSession(page.request)).create(`Edit refused ${Date.now()}`);
    await interceptOnce(page, "PATCH", TASK_PATH, 422, envelope("Validation failed: title is reserved", "VALIDATION_ERROR", [{ loc: ["body", "title"], msg: "title is reserved" }]));
    await openTasks(page);
    await page.getByRole("button", { name: `Edit “${task.title}”` }).click();
    const title = page.getByRole("form", { name: `Edit “${task.title}”` }).getByRole("textbox", { name: "Title" });
    await title.fill("A reserved title");
    await title.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: `Couldn't save your changes to “${task.title}”: Validation failed: title is reserved The change was undone.` })).toBeVisible();
    await expect(page.getByText(task.title, { exact: true })).toBeVisible();
    await expect(page.getByText("A reserved title")).toHaveCount(0);
  });

  test("a 401 gets one fresh token and a second try", async ({ openPage }) => {
    const page = await openPage({ signedIn: true });
    const tokens = track(page, "GET", /^\/api\/auth\/token$/);
    const lists = track(page, "GET", ACTIVE_LIST);
    await interceptOnce(page, "GET", ACTIVE_LIST, 401, envelope("Invalid access token: expired.", "AUTH_INVALID"), 1);
    await showActive(page);
    await expect(activeShown(page)).toBeVisible();
    // The refused read and its second try (the view may show at once, worked out from the loaded list).
    await expect.poll(() => lists.length).toBe(2);
    expect(tokens).toHaveLength(2);
    await expect(page).toHaveURL(/\/tasks\?filter=active$/);
  });

  test("a 401 that survives the token refresh sends the user to sign in, to come back to the task page", async ({ openPage }) => {
    const page = await openPage({ signedIn: true });
    const tokens = track(page, "GET", /^\/api\/auth\/token$/);
    const lists = track(page, "GET", ACTIVE_LIST);
    await interceptOnce(page, "GET", ACTIVE_LIST, 401, envelope("Invalid access token: bad signature.", "AUTH_INVALID"));
    await showActive(page);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks$/);
    expect(tokens).toHaveLength(2);
    expect(lists).toHaveLength(2);
  });

  test("a list the server cannot give is retried 3 times, then shown as an error with a working Try again", async ({ openPage }) => {
    const page = await openPage({ signedIn: true });
    const lists = track(page, "GET", ACTIVE_LIST);
    let failing = true;
    await page.route(ACTIVE_LIST, async (route) => {
      if (!failing || route.request().method() !== "GET") return route.fallback();
      await route.fulfill({ status: 503, contentType: "application/json", body: envelope("The database is unavailable. Please retry shortly.", "DATABASE_ERROR") });
    });
    await showActive(page);
    const errorState = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Your tasks could not be loaded" }) });
    await expect(errorState).toBeVisible({ timeout: 15_000 });
    await expect(errorState).toContainText("The database is unavailable. Please retry shortly.");
    expect(lists).toHaveLength(4);
    failing = false;
    await errorState.getByRole("button", { name: "Try again" }).click();
    await expect(activeShown(page)).toBeVisible();
    await expect(errorState).toHaveCount(0);
    expect(lists).toHaveLength(5);
  });

  test("a 403 on the list says Access denied, without retrying", async ({ openPage }) => {
    const page = await openPage({ signedIn: true });
    const lists = track(page, "GET", ACTIVE_LIST);
    await interceptOnce(page, "GET", ACTIVE_LIST, 403, envelope("You may only access your own tasks.", "AUTH_FORBIDDEN"));
    await showActive(page);
    await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
    await page.waitForTimeout(1500);
    expect(lists).toHaveLength(1);
  });
});

test.describe("the access token", () => {
  test("is kept in memory only: no web storage, no readable cookie", async ({ openPage }) => {
    const page = await openPage({ signedIn: true });
    // The page gets its token as it starts, ready for the first change.
    const issued = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/auth/token");
    await openTasks(page);
    const { token } = (await (await issued).json()) as { token: string };
    expect(token.split(".")).toHaveLength(3);
    const stored = await page.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookies: document.cookie,
    }));
    expect(stored.local).toBe("{}");
    expect(stored.session).toBe("{}");
    expect(stored.cookies).not.toContain(token);
    expect(stored.cookies).not.toContain("session_token");
  });

  test("is renewed shortly before it expires (15 minutes)", async ({ openPage }) => {
    const page = await openPage({ signedIn: true });
    await page.clock.install();
    const tokens = track(page, "GET", /^\/api\/auth\/token$/);
    await openTasks(page);
    const title = page.getByRole("textbox", { name: "Title" });
    await title.fill(`Before renewal ${Date.now()}`);
    await answered(page, "POST", TASKS_PATH, () => title.press("Enter"));
    expect(tokens).toHaveLength(1);
    await page.clock.fastForward("14:01");
    await title.fill(`After renewal ${Date.now()}`);
    const created = await answered(page, "POST", TASKS_PATH, () => title.press("Enter"));
    expect(created.status()).toBe(201);
    expect(tokens).toHaveLength(2);
  });
});
