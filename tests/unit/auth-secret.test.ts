import { hkdfSync } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivedKey, resolveAuthSecret } from "@/lib/auth-secret";

describe("resolveAuthSecret", () => {
  it("uses the configured secret", () => {
    expect(resolveAuthSecret({ authSecret: "x".repeat(40), dataDir: "/nonexistent", inMemory: false })).toBe("x".repeat(40));
  });

  it("generates a random secret for an in-memory database and keeps nothing", () => {
    const a = resolveAuthSecret({ authSecret: undefined, dataDir: "memory://", inMemory: true });
    const b = resolveAuthSecret({ authSecret: undefined, dataDir: "memory://", inMemory: true });
    expect(a).toHaveLength(43);
    expect(a).not.toBe(b);
  });

  it("generates one beside the embedded data once, private to the owner, and reuses it", () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "todo-secret-")), ".data");
    const first = resolveAuthSecret({ authSecret: undefined, dataDir, inMemory: false });
    const file = path.join(dataDir, "auth-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret({ authSecret: undefined, dataDir, inMemory: false })).toBe(first);
  });
});

describe("derivedKey", () => {
  it("is 32 bytes, stable per purpose, different between purposes, and never the secret itself", () => {
    const cursor = derivedKey("list cursor");
    expect(cursor).toHaveLength(32);
    expect(derivedKey("list cursor").equals(cursor)).toBe(true);
    expect(derivedKey("something else").equals(cursor)).toBe(false);
    // vitest.config.ts configures BETTER_AUTH_SECRET: the key is HKDF of it, not the secret's bytes.
    const secret = Buffer.from(process.env.BETTER_AUTH_SECRET!);
    expect(cursor.equals(secret.subarray(0, 32))).toBe(false);
    expect(cursor.equals(Buffer.from(hkdfSync("sha256", secret, "todo-next", "todo-next list cursor", 32)))).toBe(true);
  });
});
