import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const strict = { lines: 100, statements: 100, functions: 100, branches: 100 };

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside Next's server bundles; tests are server code.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/api/**/*.test.ts"],
    setupFiles: ["tests/support/setup.ts"],
    // The Neon driver's WebSocket bridge, for the whole run (stopped when the run ends).
    globalSetup: ["tests/support/websockify.ts"],
    // One database per worker, shared by its test files (a fresh PGlite costs 1-2 s); tests stay
    // independent by signing up users of their own.
    isolate: false,
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      DATA_DIR: "memory://",
      LOG_LEVEL: "silent",
      BETTER_AUTH_URL: "http://localhost:3000",
      // Fixed, so that workers sharing one PostgreSQL database can all read its signing keys.
      BETTER_AUTH_SECRET: "test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      // The suite signs up hundreds of users a minute; the budget's own tests turn it on.
      SIGNUP_RATE_LIMIT_PER_MINUTE: "0",
      // Hundreds of sign-ups: hashed at a small cost (lib/test-password-hashing.ts), test runs only.
      PASSWORD_HASHING: "fast-for-tests",
    },
    coverage: {
      provider: "v8",
      include: ["lib/**/*.ts", "db/**/*.ts", "app/api/**/*.ts", "app/health/**/*.ts"],
      exclude: ["db/migrations/**"],
      reporter: ["text-summary", "json-summary"],
      thresholds: {
        "lib/**": { lines: 90 },
        "db/**": { lines: 90 },
        "app/api/**": { lines: 90 },
        // Token verification and authorization: every line and branch is exercised.
        "lib/api/access-token.ts": strict,
        "lib/api/signing-keys.ts": strict,
        "lib/api/authenticate.ts": strict,
      },
    },
  },
});
