import { z } from "zod";
import { databaseUrl, hostname, ipOrRange, mailbox, origin, smtpUrl, wsProxyAddress } from "./env-formats";

/**
 * The one reader of process.env. Everything else imports `env` and gets typed, validated values.
 * Validation runs once, when this module is first imported; a bad value stops start-up with a
 * message naming the variable instead of failing later inside a request.
 */

const MEMORY = "memory://";

/** `X=` (as .env files write an unset variable) means the same as no X at all. */
const emptyIsUnset = (value: unknown) => (value === "" ? undefined : value);

/** A variable that may be left unset (or empty); when set, it must pass `schema`. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyIsUnset, schema.optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: optional(databaseUrl),
  // Neon's Vercel integration also sets a direct (unpooled) URL; migrations need a real session.
  DATABASE_URL_UNPOOLED: optional(databaseUrl),
  DATABASE_DRIVER: optional(z.enum(["pglite", "postgres", "neon"])),
  // Local testing of the Neon driver only: host:port of a WebSocket-to-TCP bridge (websockify),
  // optionally with a path and query (the test suite's bridge picks a target by `?token=`).
  NEON_WS_PROXY: optional(wsProxyAddress),
  VERCEL: z.string().optional(),
  VERCEL_ENV: optional(z.enum(["production", "preview", "development"])),
  VERCEL_URL: optional(hostname),
  VERCEL_BRANCH_URL: optional(hostname),
  VERCEL_PROJECT_PRODUCTION_URL: optional(hostname),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  BETTER_AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  BETTER_AUTH_URL: optional(origin),
  TRUSTED_ORIGINS: z
    .string()
    .default("")
    .transform((list) => list.split(",").map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(origin)),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list) => list.split(",").map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(ipOrRange)),
  JWT_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  RATE_LIMIT_REQUESTS: z.coerce.number().int().min(0).max(1_000_000).default(100),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(1),
  MAX_TASKS_PER_USER: z.coerce.number().int().min(1).max(1_000_000_000).default(10_000),
  AUTH_RATE_LIMIT: z.enum(["on", "off"]).optional(),
  SIGNUP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(30),
  // Vercel Cron sends it as `Authorization: Bearer <CRON_SECRET>`; unset, the cron routes are off.
  CRON_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_URL: optional(smtpUrl),
  MAIL_FROM: optional(mailbox),
  MAIL_TRANSPORT: optional(z.enum(["smtp", "file", "off"])),
  REQUIRE_EMAIL_VERIFICATION: z.preprocess(emptyIsUnset, z.enum(["true", "false"]).default("false")),
  // The test suite only (vitest.config.ts): see lib/test-password-hashing.ts.
  PASSWORD_HASHING: optional(z.enum(["standard", "fast-for-tests"])),
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
  const onVercel = values.VERCEL === "1";
  const driver = chooseDriver(values.DATABASE_DRIVER, values.DATABASE_URL);
  if (onVercel && !values.DATABASE_URL) {
    throw new ConfigError(
      "DATABASE_URL is required on Vercel: the embedded database cannot persist there. Connect a Neon database (Vercel → Storage → Neon) or set DATABASE_URL.",
    );
  }
  const production = values.NODE_ENV === "production";
  if (production && (values.DATABASE_URL || onVercel) && !values.BETTER_AUTH_SECRET) {
    throw new ConfigError(
      "BETTER_AUTH_SECRET is required in production (32+ random characters, e.g. `openssl rand -base64 32`).",
    );
  }
  if (values.PASSWORD_HASHING === "fast-for-tests" && values.NODE_ENV !== "test") {
    throw new ConfigError("PASSWORD_HASHING=fast-for-tests is for the test suite only (NODE_ENV=test): passwords must be hashed at full strength.");
  }
  const urls = publicUrls(values, onVercel);
  const mail = mailSettings(values, production, onVercel);
  return {
    nodeEnv: values.NODE_ENV,
    isProduction: production,
    onVercel,
    port: values.PORT,
    driver,
    databaseUrl: values.DATABASE_URL,
    /** For migrations: a direct connection (session-level advisory locks need one). */
    migrationDatabaseUrl: values.DATABASE_URL_UNPOOLED ?? values.DATABASE_URL,
    neonWsProxy: values.NEON_WS_PROXY,
    /** Where the embedded database and its generated secret live; `memory://` keeps nothing. */
    dataDir: values.DATA_DIR,
    inMemory: values.DATA_DIR === MEMORY,
    authSecret: values.BETTER_AUTH_SECRET,
    baseUrl: urls.baseUrl,
    tokenIssuer: urls.tokenIssuer,
    trustedOrigins: [...new Set([...urls.origins, ...values.TRUSTED_ORIGINS.map((item) => item.replace(/\/$/, ""))])],
    jwtTtlSeconds: values.JWT_TTL_SECONDS,
    /** The task API's per-user budget (0 requests: off). */
    rateLimit: { requests: values.RATE_LIMIT_REQUESTS, windowSeconds: values.RATE_LIMIT_WINDOW_SECONDS },
    /** How many tasks one user may have at once: a create past it is a 409 TASK_LIMIT_REACHED. */
    maxTasksPerUser: values.MAX_TASKS_PER_USER,
    /**
     * The proxies in front of the app (addresses, CIDR ranges). Better Auth reads the client's
     * address from X-Forwarded-For right to left, skipping these. Without them the header is
     * only believed on Vercel (see lib/client-address.ts).
     */
    trustedProxies: values.TRUSTED_PROXIES,
    /** Better Auth's own limits on sign-in/sign-up: on in production unless turned off. */
    authRateLimit: (values.AUTH_RATE_LIMIT ?? (production ? "on" : "off")) === "on",
    /** New accounts per minute, all clients together (0: no limit). */
    signUpRateLimitPerMinute: values.SIGNUP_RATE_LIMIT_PER_MINUTE,
    /** The secret of GET /api/cron/cleanup (Vercel Cron); undefined: scheduled jobs are off. */
    cronSecret: values.CRON_SECRET,
    logLevel: values.LOG_LEVEL,
    mail,
    /** Sign-in waits until the email address is verified (needs a mail transport). */
    requireEmailVerification: values.REQUIRE_EMAIL_VERIFICATION === "true",
    /** Cheap password hashes, under NODE_ENV=test only (lib/test-password-hashing.ts). */
    fastPasswordHashing: values.PASSWORD_HASHING === "fast-for-tests",
  };
}

type Values = z.infer<typeof schema>;

function chooseDriver(forced: Values["DATABASE_DRIVER"], url: string | undefined) {
  if (forced === "pglite" && url) throw new ConfigError("DATABASE_DRIVER=pglite cannot be combined with DATABASE_URL.");
  if (forced && forced !== "pglite" && !url) throw new ConfigError(`DATABASE_DRIVER=${forced} needs DATABASE_URL.`);
  if (forced) return forced;
  if (!url) return "pglite";
  return new URL(url).hostname.endsWith(".neon.tech") ? "neon" : "postgres";
}

/**
 * How email leaves the app: SMTP when SMTP_URL is set; otherwise, outside production, files in
 * DATA_DIR/mail (a developer opens them); in production nothing, and the flows that need email
 * (password reset, verification, email change) are off. MAIL_TRANSPORT overrides the choice.
 */
function mailSettings(values: Values, production: boolean, onVercel: boolean) {
  const transport = values.MAIL_TRANSPORT ?? (values.SMTP_URL ? "smtp" : production ? "off" : "file");
  if (transport === "smtp" && !values.SMTP_URL) throw new ConfigError("MAIL_TRANSPORT=smtp needs SMTP_URL.");
  if (transport === "smtp" && !values.MAIL_FROM) {
    throw new ConfigError("MAIL_FROM is required with SMTP_URL: the sender address, e.g. todo-next <no-reply@example.com>.");
  }
  if (transport === "file" && onVercel) throw new ConfigError("MAIL_TRANSPORT=file cannot work on Vercel (no lasting file system): set SMTP_URL.");
  if (values.REQUIRE_EMAIL_VERIFICATION === "true" && transport === "off") {
    throw new ConfigError("REQUIRE_EMAIL_VERIFICATION=true needs email: set SMTP_URL and MAIL_FROM (nobody could sign in otherwise).");
  }
  return {
    transport,
    smtpUrl: transport === "smtp" ? values.SMTP_URL : undefined,
    from: values.MAIL_FROM ?? "todo-next <no-reply@localhost>",
    /** Where the file transport writes; undefined with DATA_DIR=memory:// (a temporary directory then). */
    directory: values.DATA_DIR === MEMORY ? undefined : `${values.DATA_DIR.replace(/\/+$/, "")}/mail`,
  };
}

/**
 * The app's public URL, the JWT issuer/audience and the origins trusted by the auth endpoints.
 * On Vercel they follow the deployment: production uses the project's production domain; a
 * preview is reached on its branch URL, and its tokens name the deployment's own unique URL, so
 * a token from one deployment is never accepted by another.
 */
function publicUrls(values: Values, onVercel: boolean) {
  const https = (host: string | undefined) => (host ? `https://${host}` : undefined);
  if (!onVercel) {
    const baseUrl = (values.BETTER_AUTH_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, "");
    return {
      baseUrl,
      tokenIssuer: baseUrl,
      origins: [baseUrl, `http://localhost:${values.PORT}`, `http://127.0.0.1:${values.PORT}`],
    };
  }
  const productionUrl = values.VERCEL_ENV === "production" ? https(values.VERCEL_PROJECT_PRODUCTION_URL) : undefined;
  const deploymentUrl = https(values.VERCEL_URL);
  const baseUrl = (values.BETTER_AUTH_URL ?? productionUrl ?? https(values.VERCEL_BRANCH_URL) ?? deploymentUrl)?.replace(/\/$/, "");
  if (!baseUrl) {
    throw new ConfigError("BETTER_AUTH_URL is required on Vercel when VERCEL_URL is not set.");
  }
  return {
    baseUrl,
    tokenIssuer: productionUrl ?? deploymentUrl ?? baseUrl,
    origins: [baseUrl, productionUrl, deploymentUrl, https(values.VERCEL_BRANCH_URL)].filter((item): item is string => Boolean(item)),
  };
}

export const env = parseEnv(process.env);
