import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import { z } from "zod";
import { deleteSome } from "@/db/delete-some";
import { getDb, type Database } from "@/db/index";
import { idempotencyKeys, type StoredResponse } from "@/db/schema";
import { parseRequestValue } from "@/lib/api/field-errors";
import { withDatabaseErrors } from "@/db/errors";
import { AppError } from "@/lib/errors";
import { IdempotencyKey } from "@/lib/tasks/schema";

/**
 * `Idempotency-Key` for POST: the first request with a key runs and its response is stored with
 * the key (per user, 24 hours, in the database so every instance sees it). A repeat with the
 * same body gets that response again, marked `Idempotent-Replayed: true`, and creates nothing;
 * the same key with another body is a 422; a repeat while the first still runs is a 409.
 */
const KEEP = sql`interval '24 hours'`;
// A claim older than this whose request never finished (its process died) may be taken over.
const ABANDONED = sql`interval '30 seconds'`;
// Each claim also deletes up to this many expired records of anyone's: every create adds one
// record and takes away several, so expired ones never pile up (GET /api/cron/cleanup sweeps too).
const SWEEP_PER_CLAIM = 10;

/** Records past their 24 hours: replaying them is over. */
export const expiredIdempotencyKeys = lt(idempotencyKeys.createdAt, sql`now() - ${KEEP}`);

const IdempotencyKeyHeader = z.object({ "Idempotency-Key": IdempotencyKey });

export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key");
  if (key === null) return undefined;
  return parseRequestValue(IdempotencyKeyHeader, { "Idempotency-Key": key }, "header")["Idempotency-Key"];
}

export function requestHash(input: unknown): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}

const byKey = (userId: string, key: string) => and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));

function toResponse(stored: StoredResponse, replayed: boolean): Response {
  const headers = new Headers(stored.headers);
  if (replayed) headers.set("Idempotent-Replayed", "true");
  return Response.json(stored.body, { status: stored.status, headers });
}

/** Claims the key for this request; false when someone holds it (or held it within 24 hours). */
async function claim(userId: string, key: string, hash: string): Promise<boolean> {
  const db = getDb();
  // Expired records go first, so an old key can be used afresh: this key's, and a few of the
  // oldest of anyone's (off the created_at index), in one statement.
  const sweep = deleteSome(idempotencyKeys, expiredIdempotencyKeys, SWEEP_PER_CLAIM, sql`${idempotencyKeys.createdAt}`);
  await withDatabaseErrors(() =>
    db.execute(sql`with swept as (${sweep}) delete from ${idempotencyKeys} where ${and(byKey(userId, key), expiredIdempotencyKeys)}`),
  );
  const inserted = await withDatabaseErrors(() =>
    db.insert(idempotencyKeys).values({ userId, key, requestHash: hash }).onConflictDoNothing().returning({ key: idempotencyKeys.key }),
  );
  if (inserted.length) return true;
  // Take over a claim whose request was abandoned without a response.
  const takenOver = await withDatabaseErrors(() =>
    db
      .update(idempotencyKeys)
      .set({ lockedAt: sql`now()` })
      .where(and(byKey(userId, key), eq(idempotencyKeys.requestHash, hash), sql`${idempotencyKeys.response} is null`, lt(idempotencyKeys.lockedAt, sql`now() - ${ABANDONED}`)))
      .returning({ key: idempotencyKeys.key }),
  );
  return takenOver.length > 0;
}

export async function idempotent(
  userId: string,
  key: string,
  hash: string,
  run: (transaction: Database) => Promise<StoredResponse>,
  attempt = 1,
): Promise<Response> {
  if (await claim(userId, key, hash)) {
    try {
      // The work and its record commit together: a retry never sees one without the other.
      const stored = await withDatabaseErrors(() =>
        getDb().transaction(async (transaction) => {
          const response = await run(transaction);
          await transaction.update(idempotencyKeys).set({ response }).where(byKey(userId, key));
          return response;
        }),
      );
      return toResponse(stored, false);
    } catch (error) {
      const db = getDb();
      await db.delete(idempotencyKeys).where(byKey(userId, key)).catch(() => undefined);
      throw error;
    }
  }
  const [existing] = await withDatabaseErrors(() => getDb().select().from(idempotencyKeys).where(byKey(userId, key)));
  // Released (the first request failed) or expired meanwhile: try to claim it again, a few times.
  if (!existing && attempt < 3) return idempotent(userId, key, hash, run, attempt + 1);
  if (!existing) throw new AppError("IDEMPOTENCY_KEY_IN_USE", "This Idempotency-Key is busy. Retry shortly.", { headers: { "Retry-After": "1" } });
  if (existing.requestHash !== hash) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a different request body.");
  }
  if (!existing.response) {
    throw new AppError("IDEMPOTENCY_KEY_IN_USE", "A request with this Idempotency-Key is still being processed. Retry shortly.", {
      headers: { "Retry-After": "1" },
    });
  }
  return toResponse(existing.response, true);
}
