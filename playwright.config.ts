import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * End-to-end tests in Debian's Chromium against the production build (`npm run build` first).
 * `npm start` runs on a fresh embedded database, or on PostgreSQL when E2E_DATABASE_URL is set.
 * Email goes to files in DATA_DIR/mail (MAIL_TRANSPORT=file), where the specs open the links.
 */
const port = Number(process.env.E2E_PORT ?? 3005);
const baseURL = `http://localhost:${port}`;
// Set once, in the runner: its workers load this file again and must find the same directory.
process.env.E2E_DATA_DIR ??= path.join(mkdtempSync(path.join(tmpdir(), "todo-e2e-")), ".data");
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.E2E_JSON ? [["list"], ["json", { outputFile: process.env.E2E_JSON }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "npm start",
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      BETTER_AUTH_URL: baseURL,
      BETTER_AUTH_SECRET: process.env.E2E_DATABASE_URL ? "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz" : "",
      NODE_ENV: "production",
      MAIL_TRANSPORT: "file",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
