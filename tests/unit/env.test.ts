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
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("rejects %j with a message naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("requires BETTER_AUTH_SECRET in production when DATABASE_URL is set", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db/app" };
    expect(() => parseEnv(production)).toThrow(/BETTER_AUTH_SECRET is required in production/);
    expect(parseEnv({ ...production, BETTER_AUTH_SECRET: "s".repeat(32) }).isProduction).toBe(true);
    // The embedded default generates and keeps its own secret, in production builds too.
    expect(() => parseEnv({ NODE_ENV: "production" })).not.toThrow();
  });
});
