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

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name = "", ...values]) => [name, values]));
}

test("every page's script policy is a nonce of its own with 'strict-dynamic', never 'unsafe-inline'; the page's scripts carry it", async ({ page }) => {
  const nonces: string[] = [];
  for (const path of ["/", "/sign-in", "/sign-up", "/docs", "/redoc", "/no-such-page"]) {
    const response = await page.goto(path);
    const scriptSrc = directives(response!.headers()["content-security-policy"] ?? "")["script-src"] ?? [];
    expect(scriptSrc, path).toContain("'strict-dynamic'");
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    const nonce = /^'nonce-([A-Za-z0-9+/=]{20,})'$/.exec(scriptSrc.find((source) => source.startsWith("'nonce-")) ?? "")?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.push(nonce!);
    // Every script tag of the HTML (Next's own, inline and external) carries this response's
    // nonce; the scripts they load later are trusted through 'strict-dynamic'.
    const scriptTags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length, path).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(new Set(nonces).size).toBe(nonces.length);
});

test("markup injected into a page runs no script: not inline, not as an event handler; and nothing may eval", async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __violations: seen });
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  // As a stored XSS would arrive: in the HTML itself, under the response's own policy.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    const injected = [
      "<script>window.__inline = true</script>",
      `<img src="/no-such-image.png" onerror="window.__handler = true" alt="">`,
      // Even a script the page trusts cannot turn text into code.
      `<script nonce="${nonce}">try { eval("window.__eval = true") } catch {}</script>`,
    ].join("");
    await route.fulfill({ response, body: (await response.text()).replace("</body>", `${injected}</body>`) });
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.waitForTimeout(300);
  const ran = await page.evaluate(() => {
    const flags = window as unknown as Record<string, unknown>;
    return { inline: flags.__inline === true, handler: flags.__handler === true, evaluated: flags.__eval === true };
  });
  expect(ran).toEqual({ inline: false, handler: false, evaluated: false });
  // Each refused by the policy (not merely lost): the inline script, the handler, the eval (zod
  // also tries an eval of its own, to see whether it may).
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  expect([...new Set(violations)].sort()).toEqual(["script-src eval", "script-src-attr inline", "script-src-elem inline"]);
  // The page itself still works (hydrated).
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter an email address like name@example.com")).toBeVisible();
});
test("pages turn off camera, microphone, geolocation and the like; no HSTS over plain http", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (/Permissions-Policy/i.test(message.text())) errors.push(message.text());
  });
  const response = await page.goto("/");
  const headers = response!.headers();
  const policy = headers["permissions-policy"] ?? "";
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(policy).toContain(`${feature}=()`);
  expect(headers["strict-transport-security"]).toBeUndefined();
  // https only: on http it would send the page's own requests to an https port that is not there.
  expect(headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  const cameraAllowed = await page.evaluate(() => {
    const policy = (document as unknown as { featurePolicy?: { allowsFeature(feature: string): boolean } }).featurePolicy;
    return policy?.allowsFeature("camera") ?? false;
  });
  expect(cameraAllowed).toBe(false);
  expect(errors).toEqual([]);
});

test("API responses and /health keep a fixed policy that loads nothing, and no nonce", async ({ request }) => {
  for (const path of ["/api/openapi.json", "/health", "/api/auth/get-session", "/api/nobody/tasks"]) {
    const response = await request.get(path);
    expect(response.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["permissions-policy"], path).toContain("camera=()");
  }
});
