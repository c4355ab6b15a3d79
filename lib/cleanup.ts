import "server-only";
import { lt, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { deleteSome } from "@/db/delete-some";
import { getDb } from "@/db/index";
import { apiRateLimits, idempotencyKeys, rateLimit, session, verification } from "@/db/schema";
import { expiredIdempotencyKeys } from "@/lib/api/idempotency";
import { CleanupReport, type CleanupReportBody } from "@/lib/cleanup-report";
import { withDatabaseErrors } from "@/db/errors";

/**
 * Deletes the rows that only pile up: expired idempotency records, Better Auth's expired sessions
 * and verification tokens, per-user request windows that ended, and Better Auth's rate-limit
 * counters nobody has touched for a day (its longest window is far shorter). Run by Vercel Cron
 * (GET /api/cron/cleanup); idempotency records are also swept a few at a time on every create.
 */
const expired: Record<keyof CleanupReportBody["deleted"], { table: PgTable; where: SQL }> = {
  idempotency_keys: { table: idempotencyKeys, where: expiredIdempotencyKeys },
  sessions: { table: session, where: lt(session.expiresAt, sql`now()`) },
  verifications: { table: verification, where: lt(verification.expiresAt, sql`now()`) },
  // RATE_LIMIT_WINDOW_SECONDS is at most an hour: a window that started before that has ended.
  api_rate_limits: { table: apiRateLimits, where: lt(apiRateLimits.windowStart, sql`now() - interval '1 hour'`) },
  rate_limits: { table: rateLimit, where: lt(rateLimit.lastRequest, sql`(extract(epoch from now()) * 1000)::bigint - 86400000`) },
};

// Batches keep each statement well inside statement_timeout; the budget keeps the whole run
// inside the function's time limit (the next run goes on where this one stopped).
const BATCH = 5_000;
const BUDGET_MS = 20_000;

export async function deleteExpiredRows(budgetMs: number = BUDGET_MS): Promise<CleanupReportBody> {
  const deadline = Date.now() + budgetMs;
  const deleted = { idempotency_keys: 0, sessions: 0, verifications: 0, api_rate_limits: 0, rate_limits: 0 };
  let complete = true;
  for (const [name, { table, where }] of Object.entries(expired) as [keyof typeof deleted, (typeof expired)[keyof typeof deleted]][]) {
    for (let batch = BATCH; batch === BATCH; ) {
      if (Date.now() >= deadline) {
        complete = false;
        break;
      }
      const result = await withDatabaseErrors(() => getDb().execute(sql`with deleted as (${deleteSome(table, where, BATCH)}) select count(*)::int as n from deleted`));
      batch = (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
      deleted[name] += batch;
    }
  }
  return CleanupReport.parse({ deleted, complete });
}
