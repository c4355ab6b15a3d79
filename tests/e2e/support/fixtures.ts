import { randomUUID } from "node:crypto";
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";

/**
 * Shared helpers for the browser tests. Better Auth limits sign-in and sign-up to 3 requests per
 * path and IP until 10 s pass without one, in production, which is what these tests run against.
 * So the whole suite makes at most 4 sign-ups (this file's shared account, the two users of the
 * journey, and the 5,000-task user of the scale test, which waits out a 429) and 2 sign-ins; the
 * other tests reuse the shared account's session cookie.
 */

export const PASSWORD = "correct-horse-battery";

export interface Account {
  name: string;
  email: string;
  password: string;
  storageState: Awaited<ReturnType<APIRequestContext["storageState"]>>;
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

/** POST to a rate-limited auth endpoint, waiting out a 429 (only hit after an earlier failure). */
async function postAuth(request: APIRequestContext, path: string, data: object) {
  for (let attempt = 0; ; attempt++) {
    const response = await request.post(path, { data });
    if (response.status() !== 429 || attempt === 2) return response;
    const wait = Number(response.headers()["x-retry-after"] ?? "10");
    await new Promise((resolve) => setTimeout(resolve, (wait + 1) * 1000));
  }
}

/** The API as any client uses it: a JWT from the session cookie, then Bearer calls. */
export async function apiSession(request: APIRequestContext) {
  const tokenResponse = await request.get("/api/auth/token");
  expect(tokenResponse.status()).toBe(200);
  const { token } = (await tokenResponse.json()) as { token: string };
  const userId = (JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { sub: string }).sub;
  const headers = { authorization: `Bearer ${token}` };
  const tasksUrl = `/api/${encodeURIComponent(userId)}/tasks`;
  return {
    userId,
    headers,
    tasksUrl,
    async create(title: string, description?: string) {
      const response = await request.post(tasksUrl, { headers, data: description ? { title, description } : { title } });
      expect(response.status()).toBe(201);
      return (await response.json()) as { id: number; title: string; updated_at: string };
    },
    /** The task as the server has it now, or null once it is gone (404). */
    async get(taskId: number) {
      const response = await request.get(`${tasksUrl}/${taskId}`, { headers });
      if (response.status() === 404) return null;
      expect(response.status()).toBe(200);
      return (await response.json()) as { id: number; title: string; description: string | null; complete: boolean; updated_at: string };
    },
    /** An unconditional change, as another tab or device would make it; returns the new version. */
    async update(taskId: number, data: { title?: string; description?: string | null; complete?: boolean }) {
      const response = await request.patch(`${tasksUrl}/${taskId}`, { headers, data });
      expect(response.status()).toBe(200);
      return (await response.json()) as { id: number; title: string; updated_at: string };
    },
    async complete(taskId: number) {
      expect((await request.patch(`${tasksUrl}/${taskId}`, { headers, data: { complete: true } })).status()).toBe(200);
    },
    async deleteAll() {
      const list = (await (await request.get(tasksUrl, { headers })).json()) as { tasks: { id: number }[] };
      for (const task of list.tasks) expect((await request.delete(`${tasksUrl}/${task.id}`, { headers })).status()).toBe(204);
    },
  };
}

/** A new account, signed up through the API; `request` keeps its session cookie. */
export async function signUpThroughApi(request: APIRequestContext, name: string, label: string): Promise<Account> {
  const account = { name, email: uniqueEmail(label), password: PASSWORD };
  const response = await postAuth(request, "/api/auth/sign-up/email", account);
  expect(response.status(), await response.text()).toBe(200);
  return { ...account, storageState: await request.storageState() };
}

type ContextOptions = NonNullable<Parameters<Browser["newContext"]>[0]>;

export const test = base.extend<{ openPage: (options?: ContextOptions & { signedIn?: boolean }) => Promise<Page> }, { account: Account }>({
  /** One account per worker, signed up through the API; tests that use it share its tasks. */
  account: [
    async ({ playwright }, provide, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      await provide(await signUpThroughApi(request, "Casey Shared", "shared"));
      await request.dispose();
    },
    { scope: "worker" },
  ],
  /** A page in a fresh browser context (own cookies and cache), signed in as the shared account if asked. */
  openPage: async ({ browser, account, baseURL }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async ({ signedIn = false, ...options } = {}) => {
      const context = await browser.newContext({ baseURL, ...(signedIn ? { storageState: account.storageState } : {}), ...options });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };

/** Runs `action` and waits for the API call it triggers to be answered. */
export async function answered(page: Page, method: string, path: RegExp, action: () => Promise<unknown>) {
  const response = page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname));
  await action();
  return response;
}

export const TASKS_PATH = /^\/api\/[^/]+\/tasks$/;
export const TASK_PATH = /^\/api\/[^/]+\/tasks\/\d+$/;

/** The envelope the API sends for every error. */
export function envelope(detail: string, errorCode: string, errors?: { loc: string[]; msg: string }[]) {
  return JSON.stringify({ detail, error_code: errorCode, timestamp: new Date().toISOString(), ...(errors ? { errors } : {}) });
}
