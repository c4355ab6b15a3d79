import { z } from "zod";

/**
 * The one reader of process.env. Everything else imports `env` and gets typed, validated values.
 * Validation runs once, when this module is first imported; a bad value stops start-up with a
 * message naming the variable instead of failing later inside a request.
 */

const MEMORY = "memory://";

const databaseUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: "must be a postgres:// or postgresql:// connection URL",
  });

const origin = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && new URL(value).origin === value.replace(/\/$/, ""), {
    message: "must be an origin such as https://app.example.com (scheme, host and optional port)",
  });

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), databaseUrl.optional()),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  BETTER_AUTH_SECRET: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(32, "must be at least 32 characters").optional(),
  ),
  BETTER_AUTH_URL: z.preprocess((v) => (v === "" ? undefined : v), origin.optional()),
  TRUSTED_ORIGINS: z
    .string()
    .default("")
    .transform((list) => list.split(",").map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(origin)),
  JWT_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export class ConfigError extends Error {
  override name = "ConfigError";
}

export type Env = ReturnType<typeof parseEnv>;

export function parseEnv(source: Record<string, string | undefined>) {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const values = result.data;
  const baseUrl = (values.BETTER_AUTH_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, "");
  const embedded = values.DATABASE_URL === undefined;
  if (!embedded && values.NODE_ENV === "production" && !values.BETTER_AUTH_SECRET) {
    throw new ConfigError(
      "BETTER_AUTH_SECRET is required in production when DATABASE_URL is set (32+ random characters, e.g. `openssl rand -base64 32`).",
    );
  }
  return {
    nodeEnv: values.NODE_ENV,
    isProduction: values.NODE_ENV === "production",
    port: values.PORT,
    databaseUrl: values.DATABASE_URL,
    /** Where the embedded database and its generated secret live; `memory://` keeps nothing. */
    dataDir: values.DATA_DIR,
    inMemory: values.DATA_DIR === MEMORY,
    authSecret: values.BETTER_AUTH_SECRET,
    baseUrl,
    trustedOrigins: [
      ...new Set([
        baseUrl,
        `http://localhost:${values.PORT}`,
        `http://127.0.0.1:${values.PORT}`,
        ...values.TRUSTED_ORIGINS.map((item) => item.replace(/\/$/, "")),
      ]),
    ],
    jwtTtlSeconds: values.JWT_TTL_SECONDS,
    logLevel: values.LOG_LEVEL,
  };
}

export const env = parseEnv(process.env);
