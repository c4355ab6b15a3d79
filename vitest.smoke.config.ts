import { defineConfig } from "vitest/config";

// Smoke tests of the production build (`npm run build` first): real processes, real HTTP.
export default defineConfig({
  test: {
    include: ["tests/smoke/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two files at a time: each starts its own servers on ports the system picks, in data
    // directories (and PostgreSQL databases) of its own, and most of a file's time is spent
    // waiting for them to start.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
