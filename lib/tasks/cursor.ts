import { createHash } from "node:crypto";
import { z } from "zod";
import type { TaskListQueryInput } from "@/lib/tasks/schema";

/**
 * The list's keyset cursor: the sort key and id of the last task of a page, plus the query it
 * belongs to. Opaque to clients (base64url JSON); checked on the way back in, so a cursor from
 * another query, or a tampered one, is a 422 and never reaches SQL unvalidated.
 */
export interface Cursor {
  /** The last task's sort value as PostgreSQL prints it (full timestamp precision). */
  value: string | null;
  id: number;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

const Payload = z.strictObject({
  s: z.enum(["id", "created_at", "updated_at", "title"]),
  o: z.enum(["asc", "desc"]),
  f: z.string(),
  v: z.string().max(400).nullable(),
  i: z.int().positive().max(2_147_483_647),
});

/** Which filter a cursor belongs to: a cursor is only valid for the query that produced it. */
function fingerprint(query: TaskListQueryInput): string {
  return createHash("sha256").update(JSON.stringify([query.complete ?? null, query.q ?? ""])).digest("base64url").slice(0, 12);
}

export function encodeCursor(query: TaskListQueryInput, cursor: Cursor): string {
  const payload: z.infer<typeof Payload> = { s: query.sort, o: query.order, f: fingerprint(query), v: cursor.value, i: cursor.id };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

/** The cursor's position, or null when it is not a valid cursor for this query. */
export function decodeCursor(raw: string, query: TaskListQueryInput): Cursor | null {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const result = Payload.safeParse(json);
  if (!result.success) return null;
  const { s, o, f, v, i } = result.data;
  if (s !== query.sort || o !== query.order || f !== fingerprint(query)) return null;
  const valueOk = s === "id" ? v === null : s === "title" ? typeof v === "string" && !v.includes("\u0000") : typeof v === "string" && TIMESTAMP.test(v);
  return valueOk ? { value: v, id: i } : null;
}
