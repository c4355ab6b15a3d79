import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used (it needs no database): migrations are applied by
// `npm run db:migrate`, which knows every driver, including the embedded one.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
