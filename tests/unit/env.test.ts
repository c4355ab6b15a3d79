import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

describe("parseEnv – configuration, validated once", () => {
  it("defaults to the embedded database on port 3000 with a 15-minute token", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      databaseUrl: undefined,
      dataDir: ".data",
      inMemory: false,
      port: 3000,
      baseUrl: "http://localhost:3000",
      jwtTtlSeconds: 900,
      isProduction: false,
    });
  });

  it("trusts localhost and 127.0.0.1 on the running port, the base URL and configured origins", () => {
    const env = parseEnv({ PORT: "4000", BETTER_AUTH_URL: "https://todo.example.com/", TRUSTED_ORIGINS: "https://a.example.com, https://b.example.com/" });
    expect(env.baseUrl).toBe("https://todo.example.com");
    expect(env.trustedOrigins).toEqual([
      "https://todo.example.com",
      "http://localhost:4000",
      "http://127.0.0.1:4000",
      "https://a.example.com",
      "https://b.example.com",
    ]);
  });

  it("caps each user at 10,000 tasks unless MAX_TASKS_PER_USER says otherwise (a positive integer)", () => {
    expect(parseEnv({}).maxTasksPerUser).toBe(10_000);
    expect(parseEnv({ MAX_TASKS_PER_USER: "250" }).maxTasksPerUser).toBe(250);
    for (const bad of ["0", "-1", "1.5", "lots"]) {
      expect(() => parseEnv({ MAX_TASKS_PER_USER: bad }), bad).toThrow(/MAX_TASKS_PER_USER/);
    }
  });

  it("reads CRON_SECRET (16+ characters); unset or empty, the scheduled jobs are off", () => {
    expect(parseEnv({}).cronSecret).toBeUndefined();
    expect(parseEnv({ CRON_SECRET: "" }).cronSecret).toBeUndefined();
    expect(parseEnv({ CRON_SECRET: "s".repeat(16) }).cronSecret).toBe("s".repeat(16));
    expect(() => parseEnv({ CRON_SECRET: "short" })).toThrow(/CRON_SECRET must be at least 16 characters/);
  });

  it("reads the trusted proxies as addresses and CIDR ranges (none by default)", () => {
    expect(parseEnv({}).trustedProxies).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: " 10.0.0.0/8, 127.0.0.1 ,::1, fd00::/8" }).trustedProxies).toEqual(["10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8"]);
  });

  it("caps sign-ups at 30 a minute unless told otherwise (0: no cap)", () => {
    expect(parseEnv({}).signUpRateLimitPerMinute).toBe(30);
    expect(parseEnv({ SIGNUP_RATE_LIMIT_PER_MINUTE: "0" }).signUpRateLimitPerMinute).toBe(0);
    expect(parseEnv({ SIGNUP_RATE_LIMIT_PER_MINUTE: "500" }).signUpRateLimitPerMinute).toBe(500);
  });

  it("hashes passwords at full strength unless a test run asks otherwise, which nothing else may", () => {
    expect(parseEnv({}).fastPasswordHashing).toBe(false);
    expect(parseEnv({ NODE_ENV: "test", PASSWORD_HASHING: "standard" }).fastPasswordHashing).toBe(false);
    expect(parseEnv({ NODE_ENV: "test", PASSWORD_HASHING: "fast-for-tests" }).fastPasswordHashing).toBe(true);
    for (const NODE_ENV of ["production", "development", undefined]) {
      expect(() => parseEnv({ NODE_ENV, PASSWORD_HASHING: "fast-for-tests" })).toThrow(/for the test suite only/);
    }
    expect(() => parseEnv({ NODE_ENV: "test", PASSWORD_HASHING: "none" })).toThrow(ConfigError);
  });

  it("accepts postgres:// and postgresql:// URLs and the in-memory data dir", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/app" }).databaseUrl).toBe("postgres://u:p@db:5432/app");
    expect(parseEnv({ DATABASE_URL: "postgresql://db/app" }).databaseUrl).toBe("postgresql://db/app");
    expect(parseEnv({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
    expect(parseEnv({ DATA_DIR: "memory://" }).inMemory).toBe(true);
  });

  it.each([
    [{ DATABASE_URL: "mysql://db/app" }, "DATABASE_URL"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ BETTER_AUTH_SECRET: "short" }, "BETTER_AUTH_SECRET must be at least 32 characters"],
    [{ PORT: "70000" }, "PORT"],
    [{ JWT_TTL_SECONDS: "5" }, "JWT_TTL_SECONDS"],
    [{ BETTER_AUTH_URL: "https://x.example.com/path" }, "BETTER_AUTH_URL"],
    [{ TRUSTED_ORIGINS: "nope" }, "TRUSTED_ORIGINS"],
    [{ TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXIES: "10.0.0.0/33" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXIES: "::1/129" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXIES: "10.0.0.1/8/1" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXIES: "fe80::1%eth0" }, "TRUSTED_PROXIES"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ SIGNUP_RATE_LIMIT_PER_MINUTE: "-1" }, "SIGNUP_RATE_LIMIT_PER_MINUTE"],
    [{ SIGNUP_RATE_LIMIT_PER_MINUTE: "many" }, "SIGNUP_RATE_LIMIT_PER_MINUTE"],
  ])("rejects %j with a message naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("requires BETTER_AUTH_SECRET in production when DATABASE_URL is set", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db/app" };
    expect(() => parseEnv(production)).toThrow("BETTER_AUTH_SECRET is required in production");
    expect(parseEnv({ ...production, BETTER_AUTH_SECRET: "s".repeat(32) }).isProduction).toBe(true);
    // The embedded default generates and keeps its own secret, in production builds too.
    expect(() => parseEnv({ NODE_ENV: "production" })).not.toThrow();
  });
});

const secret = "s".repeat(40);

describe("parseEnv – database driver", () => {
  it("picks PGlite without a URL, node-postgres for a URL, Neon for a Neon host", () => {
    expect(parseEnv({}).driver).toBe("pglite");
    expect(parseEnv({ DATABASE_URL: "postgres://u@db.internal/app" }).driver).toBe("postgres");
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@ep-cool-1234.eu-central-1.aws.neon.tech/app?sslmode=require" }).driver).toBe("neon");
  });

  it("DATABASE_DRIVER forces a driver, and says so when it cannot", () => {
    expect(parseEnv({ DATABASE_DRIVER: "neon", DATABASE_URL: "postgres://u@127.0.0.1/app" }).driver).toBe("neon");
    expect(parseEnv({ DATABASE_DRIVER: "postgres", DATABASE_URL: "postgres://u@x.neon.tech/app" }).driver).toBe("postgres");
    expect(() => parseEnv({ DATABASE_DRIVER: "neon" })).toThrow("DATABASE_DRIVER=neon needs DATABASE_URL.");
    expect(() => parseEnv({ DATABASE_DRIVER: "pglite", DATABASE_URL: "postgres://db/app" })).toThrow(/cannot be combined/);
    expect(() => parseEnv({ DATABASE_DRIVER: "mysql" })).toThrow(/DATABASE_DRIVER/);
  });

  it("migrates over the unpooled URL when one is given", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://pooled/app" }).migrationDatabaseUrl).toBe("postgres://pooled/app");
    expect(parseEnv({ DATABASE_URL: "postgres://pooled/app", DATABASE_URL_UNPOOLED: "postgres://direct/app" }).migrationDatabaseUrl).toBe("postgres://direct/app");
  });
});

describe("parseEnv – Vercel", () => {
  const preview = {
    VERCEL: "1",
    VERCEL_ENV: "preview",
    NODE_ENV: "production",
    DATABASE_URL: "postgres://u@ep-x.neon.tech/app",
    BETTER_AUTH_SECRET: secret,
    VERCEL_URL: "todo-next-abc123-team.vercel.app",
    VERCEL_BRANCH_URL: "todo-next-git-feature-team.vercel.app",
    VERCEL_PROJECT_PRODUCTION_URL: "todo.example.com",
  };

  it("refuses to start without DATABASE_URL, saying what to set", () => {
    expect(() => parseEnv({ ...preview, DATABASE_URL: undefined })).toThrow(/DATABASE_URL is required on Vercel/);
  });

  it("requires the secret in production on Vercel", () => {
    expect(() => parseEnv({ ...preview, BETTER_AUTH_SECRET: undefined })).toThrow(/BETTER_AUTH_SECRET is required/);
  });

  it("a preview follows its own URLs: base URL on the branch URL, tokens naming the deployment", () => {
    const env = parseEnv(preview);
    expect(env.onVercel).toBe(true);
    expect(env.baseUrl).toBe("https://todo-next-git-feature-team.vercel.app");
    expect(env.tokenIssuer).toBe("https://todo-next-abc123-team.vercel.app");
    expect(env.trustedOrigins).toEqual([
      "https://todo-next-git-feature-team.vercel.app",
      "https://todo-next-abc123-team.vercel.app",
    ]);
    // Two deployments of one branch share a base URL but not a token issuer.
    expect(parseEnv({ ...preview, VERCEL_URL: "todo-next-def456-team.vercel.app" }).tokenIssuer).not.toBe(env.tokenIssuer);
  });

  it("production uses the project's production domain for everything", () => {
    const env = parseEnv({ ...preview, VERCEL_ENV: "production" });
    expect(env.baseUrl).toBe("https://todo.example.com");
    expect(env.tokenIssuer).toBe("https://todo.example.com");
    expect(env.trustedOrigins).toContain("https://todo-next-abc123-team.vercel.app");
  });

  it("an explicit BETTER_AUTH_URL wins for the base URL", () => {
    expect(parseEnv({ ...preview, BETTER_AUTH_URL: "https://custom.example.com" }).baseUrl).toBe("https://custom.example.com");
    expect(() => parseEnv({ ...preview, VERCEL_URL: undefined, VERCEL_BRANCH_URL: undefined })).toThrow(/BETTER_AUTH_URL is required on Vercel/);
    expect(() => parseEnv({ ...preview, VERCEL_URL: "https://not-a-host/" })).toThrow(/VERCEL_URL/);
  });
});

describe("parseEnv – email", () => {
  it("files in DATA_DIR/mail outside production, nothing in production, SMTP when SMTP_URL is set", () => {
    expect(parseEnv({}).mail).toMatchObject({ transport: "file", directory: ".data/mail", smtpUrl: undefined });
    expect(parseEnv({ DATA_DIR: "memory://" }).mail.directory).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "production" }).mail.transport).toBe("off");
    const smtp = parseEnv({ NODE_ENV: "production", SMTP_URL: "smtps://user:pass@smtp.example.com:465", MAIL_FROM: "todo-next <no-reply@example.com>" }).mail;
    expect(smtp).toMatchObject({ transport: "smtp", smtpUrl: "smtps://user:pass@smtp.example.com:465", from: "todo-next <no-reply@example.com>" });
    expect(parseEnv({ NODE_ENV: "production", MAIL_TRANSPORT: "file" }).mail.transport).toBe("file");
    expect(parseEnv({ MAIL_TRANSPORT: "off" }).mail.transport).toBe("off");
    expect(parseEnv({ MAIL_FROM: "no-reply@example.com" }).mail.from).toBe("no-reply@example.com");
  });

  it("REQUIRE_EMAIL_VERIFICATION: off by default, and only with a way to send email", () => {
    expect(parseEnv({}).requireEmailVerification).toBe(false);
    expect(parseEnv({ REQUIRE_EMAIL_VERIFICATION: "true" }).requireEmailVerification).toBe(true);
    expect(() => parseEnv({ NODE_ENV: "production", REQUIRE_EMAIL_VERIFICATION: "true" })).toThrow(/REQUIRE_EMAIL_VERIFICATION=true needs email/);
  });

  it.each([
    [{ SMTP_URL: "http://smtp.example.com" }, "SMTP_URL must be an smtp:// or smtps:// URL"],
    [{ SMTP_URL: "smtp://" }, "SMTP_URL"],
    [{ SMTP_URL: "smtp://smtp.example.com" }, "MAIL_FROM is required with SMTP_URL"],
    [{ MAIL_FROM: "not an address" }, "MAIL_FROM"],
    [{ MAIL_FROM: "Evil\r\nBcc: x@example.com <a@example.com>" }, "MAIL_FROM"],
    [{ MAIL_TRANSPORT: "smtp" }, "MAIL_TRANSPORT=smtp needs SMTP_URL"],
    [{ MAIL_TRANSPORT: "pigeon" }, "MAIL_TRANSPORT"],
    [{ REQUIRE_EMAIL_VERIFICATION: "yes" }, "REQUIRE_EMAIL_VERIFICATION"],
    [{ VERCEL: "1", VERCEL_URL: "x.vercel.app", DATABASE_URL: "postgres://db/app", BETTER_AUTH_SECRET: "s".repeat(40), NODE_ENV: "production", MAIL_TRANSPORT: "file" }, "MAIL_TRANSPORT=file cannot work on Vercel"],
  ])("rejects %j with a message naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(message);
  });
});
