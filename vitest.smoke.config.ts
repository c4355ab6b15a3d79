import { defineConfig } from "vitest/config";

// Smoke tests of the production build (`npm run build` first): real processes, real HTTP.
export default defineConfig({
  test: {
    include: ["tests/smoke/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
