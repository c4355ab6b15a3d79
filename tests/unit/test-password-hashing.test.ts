import { describe, expect, it } from "vitest";
import { testPasswordHashing } from "@/lib/test-password-hashing";

describe("testPasswordHashing – the suite's cheap password hashes", () => {
  it("verifies the password it hashed and nothing else; each hash has a salt of its own", async () => {
    const hash = await testPasswordHashing.hash("correct-horse-battery");
    expect(hash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect(hash).not.toContain("correct-horse-battery");
    expect(await testPasswordHashing.hash("correct-horse-battery")).not.toBe(hash);
    expect(await testPasswordHashing.verify({ hash, password: "correct-horse-battery" })).toBe(true);
    expect(await testPasswordHashing.verify({ hash, password: "correct-horse-batterY" })).toBe(false);
    expect(await testPasswordHashing.verify({ hash, password: "" })).toBe(false);
  });

  it("compares Unicode passwords in one normal form, and refuses malformed hashes", async () => {
    const hash = await testPasswordHashing.hash("caf\u00e9-au-lait");
    expect(await testPasswordHashing.verify({ hash, password: "cafe\u0301-au-lait" })).toBe(true);
    for (const broken of ["", "nocolon", ":abcd", "abcd:", `${hash.split(":")[0]}:abcd`]) {
      expect(await testPasswordHashing.verify({ hash: broken, password: "caf\u00e9-au-lait" })).toBe(false);
    }
  });
});
