import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { derivedKey } from "@/lib/auth-secret";
import { decodeCursor, encodeCursor, isTimestamp } from "@/lib/tasks/cursor";
import { TASK_ID_MAX } from "@/lib/tasks/schema";

const byCreated = { sort: "created_at", order: "desc" } as const;
const byTitle = { sort: "title", order: "asc" } as const;
const byId = { sort: "id", order: "desc" } as const;

/**
 * Signs any payload the way the server does (HMAC-SHA256 with the derived key, over the query and
 * the payload): what an attacker holding the key could send. Its values must still be real.
 */
function signedRaw(query: { sort: string; order: string; complete?: boolean; q?: string }, payloadJson: string): string {
  const payload = Buffer.from(payloadJson).toString("base64url");
  const bound = JSON.stringify(["list cursor v1", query.sort, query.order, query.complete ?? null, query.q ?? "", payload]);
  return `${payload}.${createHmac("sha256", derivedKey("list cursor")).update(bound).digest("base64url")}`;
}

describe("list cursor", () => {
  it("round-trips what the server issues", () => {
    const value = "2026-01-15T09:30:00.123456Z";
    expect(decodeCursor(encodeCursor(byCreated, { value, id: 42 }), byCreated)).toEqual({ value, id: 42 });
    expect(decodeCursor(encodeCursor(byTitle, { value: "Buy milk", id: 7 }), byTitle)).toEqual({ value: "Buy milk", id: 7 });
    expect(decodeCursor(encodeCursor(byId, { value: null, id: TASK_ID_MAX }), byId)).toEqual({ value: null, id: TASK_ID_MAX });
  });

  it("is bound to its query: another sort, order, filter or search makes it invalid", () => {
    const cursor = encodeCursor({ ...byCreated, complete: true, q: "milk" }, { value: "2026-01-15T09:30:00.000000Z", id: 1 });
    expect(decodeCursor(cursor, { ...byCreated, complete: true, q: "milk" })).not.toBeNull();
    for (const other of [
      { ...byCreated, complete: true, q: "milks" },
      { ...byCreated, complete: false, q: "milk" },
      { ...byCreated, q: "milk" },
      { sort: "created_at", order: "asc", complete: true, q: "milk" },
      { sort: "updated_at", order: "desc", complete: true, q: "milk" },
    ] as const) {
      expect(decodeCursor(cursor, other), JSON.stringify(other)).toBeNull();
    }
  });

  it("a changed byte anywhere, a missing or extra part, or another key's signature is refused", () => {
    const cursor = encodeCursor(byId, { value: null, id: 5 });
    const [payload, mac] = cursor.split(".") as [string, string];
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    for (let at = 0; at < payload.length; at += 1) expect(decodeCursor(`${flip(payload, at)}.${mac}`, byId)).toBeNull();
    for (let at = 0; at < mac.length; at += 1) expect(decodeCursor(`${payload}.${flip(mac, at)}`, byId)).toBeNull();
    for (const broken of [payload, `${cursor}.x`, `.${mac}`, `${payload}.`, `${payload}.${mac}=`, `${payload}.${mac.slice(1)}`, ""]) {
      expect(decodeCursor(broken, byId), broken).toBeNull();
    }
    const forged = Buffer.from(JSON.stringify({ v: null, i: 1 })).toString("base64url");
    expect(decodeCursor(`${forged}.${"A".repeat(43)}`, byId)).toBeNull();
  });

  it.each([
    ["a month 13, hour 25, minute 61", "2024-13-45T25:61:61.000000Z"],
    ["year 0, month 0, day 0", "0000-00-00T00:00:00.000000Z"],
    ["all nines", "9999-99-99T99:99:99.999999Z"],
    ["February 30", "2024-02-30T00:00:00.000000Z"],
    ["February 29 of a common year", "2023-02-29T00:00:00.000000Z"],
    ["April 31", "2024-04-31T00:00:00.000000Z"],
    ["second 60", "2024-01-01T00:00:60.000000Z"],
    ["PostgreSQL's text form", "2024-01-01 00:00:00+00"],
    ["an offset instead of Z", "2024-01-01T00:00:00.000000+01:00"],
    ["milliseconds only", "2024-01-01T00:00:00.000Z"],
    ["a five-digit year", "12024-01-01T00:00:00.000000Z"],
    ["infinity", "infinity"],
    ["SQL", "2024-01-01'; drop table tasks; --"],
  ])("a signed timestamp cursor with %s is refused", (_what, value) => {
    expect(isTimestamp(value)).toBe(false);
    expect(decodeCursor(encodeCursor(byCreated, { value, id: 1 }), byCreated)).toBeNull();
  });

  it("real instants at the edges are accepted", () => {
    for (const value of ["2024-02-29T23:59:59.999999Z", "2000-02-29T00:00:00.000000Z", "0001-01-01T00:00:00.000000Z", "9999-12-31T23:59:59.999999Z"]) {
      expect(isTimestamp(value), value).toBe(true);
    }
    expect(isTimestamp("1900-02-29T00:00:00.000000Z")).toBe(false);
  });

  it.each([
    ["id 0", byId, { value: null, id: 0 }],
    ["a negative id", byId, { value: null, id: -1 }],
    ["an id past the largest", byId, { value: null, id: TASK_ID_MAX + 1 }],
    ["a fractional id", byId, { value: null, id: 1.5 }],
    ["an id sort with a value", byId, { value: "x", id: 1 }],
    ["an empty title", byTitle, { value: "", id: 1 }],
    ["a title too long to exist", byTitle, { value: "t".repeat(201), id: 1 }],
    ["a title with NUL", byTitle, { value: "a\u0000b", id: 1 }],
    ["a title sort without a value", byTitle, { value: null, id: 1 }],
    ["a timestamp sort without a value", byCreated, { value: null, id: 1 }],
  ] as const)("a signed cursor with %s is refused", (_what, query, cursor) => {
    expect(decodeCursor(encodeCursor(query, cursor as { value: string | null; id: number }), query)).toBeNull();
  });

  it("a signed payload that is not exactly {v, i} is refused", () => {
    expect(decodeCursor(signedRaw(byId, '{"v":null,"i":3}'), byId)).toEqual({ value: null, id: 3 });
    for (const json of ['{"v":null,"i":3,"x":1}', '{"v":null}', '{"i":3}', "[null,3]", "null", "3", '"x"', '{"v":null,"i":"3"}', '{"v":null,"i":1e400}', "{not json"]) {
      expect(decodeCursor(signedRaw(byId, json), byId), json).toBeNull();
    }
    expect(decodeCursor(signedRaw(byTitle, '{"v":5,"i":3}'), byTitle)).toBeNull();
  });
});
