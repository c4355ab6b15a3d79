import { expect, test } from "@playwright/test";

test("pages carry the security headers: CSP without unsafe-eval, nosniff, referrer policy, no framing", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("todo-next");
});

test("the sign-in and sign-up pages carry the same headers, and work under the CSP", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const path of ["/sign-in", "/sign-up"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    // Hydrated: the client-side validation answers without a request.
    await page.getByRole("button", { name: path === "/sign-in" ? "Sign in" : "Create account" }).click();
    await expect(page.getByText("Enter an email address like name@example.com")).toBeVisible();
  }
  expect(violations).toEqual([]);
});
