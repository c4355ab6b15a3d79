import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey } from "@/lib/auth-secret";
import { TASK_ID_MAX, TITLE_MAX, type TaskListQueryInput } from "@/lib/tasks/schema";

/**
 * The list's keyset cursor: the sort value and id of the last task of a page. Opaque to clients:
 * `<payload>.<mac>`, base64url JSON and an HMAC-SHA256 over it and the query it belongs to (sort,
 * order, filter), keyed by a key derived from the auth secret. A cursor the server did not issue
 * for this very query is refused before its values are looked at; the values of one it did issue
 * are parsed strictly anyway (a real timestamp in range, a title, an id in range), so nothing
 * unchecked reaches SQL even if the key leaked.
 */
export interface Cursor {
  /** The last task's sort value: null (sort by id), its title, or its timestamp (UTC, microseconds). */
  value: string | null;
  id: number;
}

type CursorQuery = Pick<TaskListQueryInput, "sort" | "order" | "complete" | "q">;

/** How a timestamp sort value is written into a cursor (and how the list selects it): UTC, microseconds. */
export const TIMESTAMP_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;

function mac(query: CursorQuery, payload: string): Buffer {
  const bound = JSON.stringify(["list cursor v1", query.sort, query.order, query.complete ?? null, query.q ?? "", payload]);
  return createHmac("sha256", derivedKey("list cursor")).update(bound).digest();
}

export function encodeCursor(query: CursorQuery, cursor: Cursor): string {
  const payload = Buffer.from(JSON.stringify({ v: cursor.value, i: cursor.id })).toString("base64url");
  return `${payload}.${mac(query, payload).toString("base64url")}`;
}

/** The cursor's position, or null when it is not a cursor this server issued for this query. */
export function decodeCursor(raw: string, query: CursorQuery): Cursor | null {
  const [payload = "", signature = "", ...rest] = raw.split(".");
  if (rest.length || !/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return null;
  // Compared as text: a signature with different unused low bits decodes to the same bytes.
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(mac(query, payload).toString("base64url")))) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  const { v, i, ...extra } = json as { v?: unknown; i?: unknown };
  if (Object.keys(extra).length || !Number.isSafeInteger(i) || (i as number) < 1 || (i as number) > TASK_ID_MAX) return null;
  return isSortValue(query.sort, v) ? { value: v, id: i as number } : null;
}

function isSortValue(sort: CursorQuery["sort"], value: unknown): value is string | null {
  if (sort === "id") return value === null;
  if (typeof value !== "string") return false;
  if (sort === "title") return value.length >= 1 && value.length <= TITLE_MAX && !value.includes("\u0000");
  return isTimestamp(value);
}

const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** A real instant: every field in range (no month 13, no February 30, no 25:61), year 1 to 9999. */
export function isTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59;
}
