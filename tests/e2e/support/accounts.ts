import type { APIRequestContext, Page, Response } from "@playwright/test";
import { answered, expect, PASSWORD, uniqueEmail } from "./fixtures";

/**
 * Helpers for the account specs. Better Auth limits sign-in, sign-up, password changes and email
 * changes to 3 requests per 10 s per address in production (what these tests run against).
 */

/** Clicks a button that posts to a limited auth endpoint; after a 429 waits it out and clicks again, as a person would. */
export async function submitAuth(page: Page, path: RegExp, click: () => Promise<unknown>): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await answered(page, "POST", path, click);
    if (response.status() !== 429 || attempt === 2) return response;
    await page.waitForTimeout((Number(response.headers()["x-retry-after"] ?? "10") + 1) * 1000);
  }
}

/** A new account signed up through the API (its cookie in `request`), waiting out a 429. */
export async function signUpByApi(request: APIRequestContext, label: string, name = "Sam Settings") {
  const account = { name, email: uniqueEmail(label), password: PASSWORD };
  for (let attempt = 0; ; attempt++) {
    const response = await request.post("/api/auth/sign-up/email", { data: account });
    if (response.status() === 200) return { ...account, id: ((await response.json()) as { user: { id: string } }).user.id };
    expect(response.status(), await response.text()).toBe(429);
    expect(attempt).toBeLessThan(3);
    await new Promise((resolve) => setTimeout(resolve, (Number(response.headers()["x-retry-after"] ?? "10") + 1) * 1000));
  }
}

/** Signs in through the API (a second device), waiting out a 429; the cookie stays in `request`. */
export async function signInByApi(request: APIRequestContext, email: string, password: string) {
  for (let attempt = 0; ; attempt++) {
    const response = await request.post("/api/auth/sign-in/email", { data: { email, password } });
    if (response.status() !== 429 || attempt === 3) return response;
    await new Promise((resolve) => setTimeout(resolve, (Number(response.headers()["x-retry-after"] ?? "10") + 1) * 1000));
  }
}
