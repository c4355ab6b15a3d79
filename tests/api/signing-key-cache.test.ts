import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/index";
import { clearKeyCache } from "@/lib/api/access-token";
import { unknownKids } from "@/lib/api/signing-keys";
import { call, signUp, tasksPath, type TestUser } from "../support/api";
import { deleteInsertedKeys, sign, trustedKey, untrustedKey, validClaims } from "../support/tokens";

/**
 * Forged tokens name any `kid` they like, and are checked before any rate limit applies: the
 * queries they cost are counted here, on the database object every look-up goes through.
 */

const defaults = { ...unknownKids };
let user: TestUser;
let queries: ReturnType<typeof vi.spyOn>;

async function forgedToken(kid = `forged-${randomUUID()}`): Promise<string> {
  return sign(await untrustedKey(kid), validClaims(user.id));
}

async function expectRefused(token: string) {
  const response = await call("GET", tasksPath(user), { token });
  expect(response.status, response.text).toBe(401);
  expect(response.body).toMatchObject({ error_code: "AUTH_INVALID", detail: "Invalid access token: unknown signing key." });
}

beforeEach(async () => {
  user ??= await signUp();
  clearKeyCache();
  queries = vi.spyOn(getDb(), "select");
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  Object.assign(unknownKids, defaults);
});

afterAll(async () => {
  await deleteInsertedKeys();
  clearKeyCache();
});

describe("GET /api/{user_id}/tasks – forged tokens and the database", () => {
  it("an unknown kid costs one look-up; the same kid again within a minute costs none", async () => {
    const token = await forgedToken();
    await expectRefused(token);
    expect(queries).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i += 1) await expectRefused(token);
    expect(queries).toHaveBeenCalledTimes(1);
  });

  it("an unknown kid is remembered for a minute only, then looked up again", async () => {
    const now = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
    const token = await forgedToken();
    await expectRefused(token);
    vi.setSystemTime(now + 59_000);
    await expectRefused(token);
    expect(queries).toHaveBeenCalledTimes(1);
    vi.setSystemTime(now + 61_000);
    await expectRefused(token);
    expect(queries).toHaveBeenCalledTimes(2);
  });

  it("the memory of unknown kids is bounded: past its size the oldest is forgotten", async () => {
    unknownKids.remembered = 3;
    const tokens = await Promise.all(Array.from({ length: 5 }, () => forgedToken()));
    for (const token of tokens) await expectRefused(token);
    expect(unknownKids.size()).toBe(3);
    // The newest are remembered (no query), the first was forgotten (a query).
    await expectRefused(tokens[4]!);
    expect(queries).toHaveBeenCalledTimes(5);
    await expectRefused(tokens[0]!);
    expect(queries).toHaveBeenCalledTimes(6);
  });

  it("a new made-up kid per token costs at most lookupsPerSecond look-ups a second, then one read of the kid list", async () => {
    unknownKids.lookupsPerSecond = 2;
    const now = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
    for (let i = 0; i < 10; i += 1) await expectRefused(await forgedToken());
    // 2 look-ups by id, then 1 read of the list that answers the other 8.
    expect(queries).toHaveBeenCalledTimes(3);
    vi.setSystemTime(now + 1_000);
    for (let i = 0; i < 10; i += 1) await expectRefused(await forgedToken());
    expect(queries).toHaveBeenCalledTimes(6);
  });

  it("a key added while made-up kids pour in is trusted within a second (the kid list is re-read)", async () => {
    unknownKids.lookupsPerSecond = 1;
    const now = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
    await expectRefused(await forgedToken());
    await expectRefused(await forgedToken()); // the list is read now, without the new key
    const key = await trustedKey();
    const token = await sign(key, validClaims(user.id));
    await expectRefused(token);
    vi.setSystemTime(now + 1_000);
    expect((await call("GET", tasksPath(user), { token })).status).toBe(200);
  });
});
