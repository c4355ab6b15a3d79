import { z } from "zod";

const deletedRows = z.int().nonnegative();

/** What GET /api/cron/cleanup answers: rows deleted per table, and whether it got through them all. */
export const CleanupReport = z.strictObject({
  deleted: z.strictObject({
    idempotency_keys: deletedRows,
    sessions: deletedRows,
    verifications: deletedRows,
    api_rate_limits: deletedRows,
    rate_limits: deletedRows,
  }),
  /** False when the time budget ran out first: the next run goes on where this one stopped. */
  complete: z.boolean(),
});

export type CleanupReportBody = z.infer<typeof CleanupReport>;
