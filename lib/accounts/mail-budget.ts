import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, eq, gt, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { verification } from "@/db/schema";

/**
 * How many emails of one kind an address receives per window, whoever asks: the per-email half of
 * the limits on password-reset and verification requests (Better Auth limits each client address).
 * Each email sent leaves a marker row in `verification` that expires with the window (its value is
 * the account's id, so deleting the account removes them); a request beyond the budget sends
 * nothing and is answered exactly as any other, so the limit reveals nothing either.
 */
export const MAIL_BUDGET = { emails: 3, windowSeconds: 60 * 60 };

/** Takes one email from the budget named `key` (kind and address); false when it is spent. */
export async function takeMailBudget(key: string, userId: string, budget = MAIL_BUDGET): Promise<boolean> {
  const identifier = `mail-budget:${key}`;
  return getDb().transaction(async (transaction) => {
    // Requests for one address arrive together (each send runs in the background): they take
    // turns here, so no two count the same markers and both send.
    await transaction.execute(sql`select pg_advisory_xact_lock(hashtext(${identifier}))`);
    // Markers of past windows go first, so at most `emails` rows per budget remain.
    await transaction.delete(verification).where(and(eq(verification.identifier, identifier), lte(verification.expiresAt, sql`now()`)));
    const [live] = await transaction
      .select({ n: count() })
      .from(verification)
      .where(and(eq(verification.identifier, identifier), gt(verification.expiresAt, sql`now()`)));
    if ((live?.n ?? 0) >= budget.emails) return false;
    await transaction.insert(verification).values({
      id: randomUUID(),
      identifier,
      value: userId,
      expiresAt: sql`now() + make_interval(secs => ${budget.windowSeconds})`,
    });
    return true;
  });
}
