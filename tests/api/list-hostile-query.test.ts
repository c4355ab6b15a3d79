import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fieldErrorTypes } from "@/lib/errors";
import { call, signUp, tasksPath, type ApiResponse, type TestUser } from "../support/api";
import { seedTasks } from "../support/seed";

/**
 * The list's query string is attacker-controlled: whatever it holds, the answer is a 200 or a 422
 * VALIDATION_ERROR naming the parameter, never a 5xx. The fuzzing is seeded (mulberry32), so a
 * failure names the case that reproduces it.
 */

type ErrorBody = { error_code: string; errors: { loc: string[]; msg: string; type: string }[] };

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function generator(seed: number) {
  const random = mulberry32(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const alphabet = ["a", "Z", "0", " ", "%", "_", "\\", "'", '"', ";", "-", ".", "=", "&", "+", "/", "é", "ß", "日", "😀", "\u202e", "\ufffd", "\t", "\n"];
  const text = (max: number) => Array.from({ length: int(max + 1) }, () => pick(alphabet)).join("");
  const base64url = (max: number) => Buffer.from(Array.from({ length: 1 + int(max) }, () => int(256))).toString("base64url");
  return { random, int, pick, text, base64url };
}

/** GET the list; a 429 (the per-user budget) is waited out and asked again, it is not what is tested. */
async function list(user: TestUser, search: string): Promise<ApiResponse<any>> {
  for (;;) {
    const response = await call("GET", `${tasksPath(user)}${search}`, { token: user.token });
    if (response.status !== 429) return response;
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? "1") * 1000));
  }
}

function expectRefusal(response: ApiResponse, where: string): string[] {
  expect(response.status, where).toBe(422);
  const body = response.body as ErrorBody;
  expect(body.error_code, where).toBe("VALIDATION_ERROR");
  expect(body.errors.length, where).toBeGreaterThan(0);
  for (const entry of body.errors) {
    expect(entry.loc[0], where).toBe("query");
    expect(fieldErrorTypes, where).toContain(entry.type);
  }
  return body.errors.map((entry) => entry.loc[1]!);
}

// The attack as published: the old cursor was base64url JSON whose "fingerprint" anyone could compute.
const fingerprint = (complete: boolean | null, q: string) => createHash("sha256").update(JSON.stringify([complete, q])).digest("base64url").slice(0, 12);
const oldStyleCursor = (value: unknown, id: unknown = 1) =>
  Buffer.from(JSON.stringify({ s: "created_at", o: "desc", f: fingerprint(null, ""), v: value, i: id })).toString("base64url");

describe("GET /api/{user_id}/tasks – a forged cursor never reaches SQL", () => {
  it.each(["2024-13-45 25:61:61+00", "0000-00-00 00:00:00+00", "9999-99-99 99:99:99+00"])(
    "?sort=created_at&cursor=<forged, v=%s> → 422 VALIDATION_ERROR naming cursor",
    async (value) => {
      const user = await signUp();
      await seedTasks(user.id, 3);
      const response = await list(user, `?sort=created_at&cursor=${oldStyleCursor(value)}`);
      expect(response.status).toBe(422);
      expect(response.headers.get("retry-after")).toBeNull();
      expect(response.body).toEqual({
        detail: "Validation failed: cursor is not valid for this query (use next_cursor with the same filter and sort)",
        error_code: "VALIDATION_ERROR",
        timestamp: expect.any(String),
        errors: [{ loc: ["query", "cursor"], msg: expect.any(String), type: "value_error" }],
      });
    },
  );

  it("a genuine cursor of another user works only as a position in your own list; one of another query is refused", async () => {
    const alice = await signUp();
    const bob = await signUp();
    await seedTasks(alice.id, 4);
    await seedTasks(bob.id, 4);
    const cursor = (await list(alice, "?limit=2")).body.next_cursor as string;
    const bobs = await list(bob, `?limit=2&cursor=${cursor}`);
    expect(bobs.status).toBe(200);
    expect(bobs.body.tasks.every((task: { user_id: string }) => task.user_id === bob.id)).toBe(true);
    expect(expectRefusal(await list(alice, `?limit=2&order=asc&cursor=${cursor}`), "other order")).toEqual(["cursor"]);
  });
});

describe("GET /api/{user_id}/tasks – fuzzed", () => {
  it("the cursor: 300 seeded random, mutated and forged cursors → 422 naming cursor; genuine ones → 200", async () => {
    const seed = 0x5eed_c0de;
    const g = generator(seed);
    const user = await signUp();
    await seedTasks(user.id, 12);
    const genuine: Record<string, string> = {};
    for (const query of ["?limit=5", "?limit=5&sort=created_at", "?limit=5&sort=updated_at&order=asc", "?limit=5&sort=title", "?limit=5&complete=false&q=task"]) {
      genuine[query] = (await list(user, query)).body.next_cursor;
    }
    const queries = Object.keys(genuine);
    for (let round = 0; round < 300; round += 1) {
      const query = g.pick(queries);
      const real = genuine[query]!;
      const [payload, mac] = real.split(".") as [string, string];
      const kind = g.int(8);
      let cursor: string;
      if (kind === 0) cursor = g.base64url(120);
      else if (kind === 1) cursor = `${g.base64url(60)}.${g.base64url(32)}`;
      else if (kind === 2) cursor = oldStyleCursor(g.pick([g.text(30), "2024-13-45 25:61:61+00", null, 5, {}, []]), g.pick([1, 0, -1, 2 ** 53, "1", 1.5]));
      else if (kind === 3) {
        const at = g.int(real.length);
        const replacement = g.pick(["A", "b", "-", "_", "."]);
        cursor = real.slice(0, at) + (real[at] === replacement ? "Q" : replacement) + real.slice(at + 1);
      } else if (kind === 4) cursor = `${payload}.${mac}${g.pick([".", "=", "A", ".x"])}`;
      else if (kind === 5) cursor = genuine[g.pick(queries.filter((other) => other !== query))]!;
      else if (kind === 6) cursor = `${Buffer.from(JSON.stringify({ v: g.text(40), i: g.int(2 ** 31) })).toString("base64url")}.${mac}`;
      else cursor = real;
      const where = `seed ${seed} round ${round} kind ${kind} ${query} cursor=${cursor}`;
      const response = await list(user, `${query}&cursor=${encodeURIComponent(cursor)}`);
      if (kind === 7) expect(response.status, where).toBe(200);
      else expect(expectRefusal(response, where), where).toEqual(["cursor"]);
    }
  }, 120_000);

  it("every parameter: 400 seeded random query strings → 200 when every value is valid, else 422 naming each bad one", async () => {
    const seed = 0x0ddba11;
    const g = generator(seed);
    const user = await signUp();
    await seedTasks(user.id, 30, { completeEvery: 3 });
    const genuineCursor = (await list(user, "?limit=2")).body.next_cursor as string;
    const valid = {
      complete: () => g.pick(["true", "false"]),
      q: () => g.text(g.pick([3, 20, 200])).slice(0, 200).replaceAll("\u0000", ""),
      sort: () => g.pick(["id", "created_at", "updated_at", "title"]),
      order: () => g.pick(["asc", "desc"]),
      limit: () => String(1 + g.int(500)),
    };
    const invalid: Record<string, () => string> = {
      complete: () => g.pick(["yes", "TRUE", "1", "", " true", "tru", "true\u0000", "null", `x${g.text(10)}`]),
      q: () => g.pick([`${g.text(5)}\u0000${g.text(5)}`, "q".repeat(201 + g.int(2000))]),
      sort: () => g.pick(["priority", "ID", "id ", "created_at;", "", `x${g.text(10)}`]),
      order: () => g.pick(["up", "ASC", "desc\u0000", "", `x${g.text(10)}`]),
      limit: () => g.pick(["0", "501", "-1", "1e2", " 5", "5 ", "0x10", "\u0663", "1.0", "99999999999999999999", "", "NaN", "Infinity"]),
      cursor: () => g.pick([g.base64url(40), `${g.base64url(20)}.${g.base64url(32)}`, "x".repeat(1001), genuineCursor.toUpperCase()]),
    };
    const names = Object.keys(invalid);
    for (let round = 0; round < 400; round += 1) {
      const params = new URLSearchParams();
      const bad = new Set<string>();
      let repeated: string | undefined;
      for (const name of names) {
        if (g.random() < 0.5) continue;
        if (name !== "cursor" && g.random() < 0.75) params.append(name, valid[name as keyof typeof valid]());
        else {
          params.append(name, invalid[name]!());
          bad.add(name);
        }
      }
      if (g.random() < 0.1) {
        const unknown = g.pick(["completed", "page", "offset", "Sort", "__proto__", "constructor", "", g.text(8)]);
        if (!names.includes(unknown)) {
          params.append(unknown, g.text(5));
          bad.add(unknown);
        }
      }
      if (g.random() < 0.05 && [...params.keys()].length) {
        repeated = g.pick([...params.keys()]);
        params.append(repeated, params.get(repeated)!);
      }
      const search = params.size ? `?${params}` : "";
      const where = `seed ${seed} round ${round} ${search.slice(0, 300)}`;
      const response = await list(user, search);
      if (repeated !== undefined) {
        expect(expectRefusal(response, where), where).toEqual([repeated]);
      } else if (bad.size === 0) {
        expect(response.status, where).toBe(200);
      } else {
        const named = expectRefusal(response, where);
        // A cursor is only checked against an otherwise valid query: it is named when it is the only problem.
        const expected = [...bad].filter((name) => name !== "cursor" || bad.size === 1 || params.get("cursor")!.length > 1000);
        for (const name of expected) expect(named, where).toContain(name);
        for (const name of named) expect([...bad], where).toContain(name);
      }
    }
  }, 180_000);

  it("raw query strings a browser would never send: bad percent-encoding, empty names, bare keys → 200 or 422, never 5xx", async () => {
    const user = await signUp();
    const cases: [string, number][] = [
      ["?q=%", 200],
      ["?q=%zz", 200],
      ["?q=%C3%28", 200],
      ["?q=%FF%FE", 200],
      ["?q", 200],
      ["?&&&", 200],
      ["?limit=%00", 422],
      ["?=x", 422],
      ["?q=%00", 422],
      ["?cursor=%FF", 422],
      ["?sort=created_at&cursor=..", 422],
      ["?complete=%74rue", 200],
    ];
    for (const [search, status] of cases) {
      const response = await list(user, search);
      expect(response.status, search).toBe(status);
      if (status === 422) expectRefusal(response, search);
    }
  });
});
