import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/index";
import { apiRateLimits, user, verification } from "@/db/schema";

/**
 * Removes an account and everything that is its, in one transaction: nothing is left half
 * deleted. The user row goes first: every table that holds a user's data references it with
 * `on delete cascade` (sessions, accounts, tasks, task counts, idempotency records, and any table
 * added later, such as OAuth grants: tests/api/account-deletion.test.ts checks that every foreign
 * key to `user` cascades). Then the rows keyed by the id rather than referencing it: the task
 * API's request counter and the pending links (password reset, mail budgets).
 *
 * The API's tokens are checked locally; the next request with one of this account's tokens finds
 * no user in its rate-limit statement and is refused (lib/api/rate-limit.ts).
 */
export async function deleteAccountData(userId: string): Promise<void> {
  await getDb().transaction(async (transaction) => {
    await transaction.delete(user).where(eq(user.id, userId));
    await transaction.delete(apiRateLimits).where(eq(apiRateLimits.key, `user:${userId}`));
    await transaction.delete(verification).where(eq(verification.value, userId));
  });
}
