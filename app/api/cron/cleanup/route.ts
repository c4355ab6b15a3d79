import { authorizeCron } from "@/lib/api/cron-auth";
import { cleanupResource } from "@/lib/api/resources";
import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { deleteExpiredRows } from "@/lib/cleanup";

const pattern = cleanupResource.path;

// Vercel stops a function at its plan's limit; the cleanup stops itself after 20 s of work.
export const maxDuration = 60;

/**
 * @swagger
 * /api/cron/cleanup:
 *   get:
 *     operationId: cleanUpExpiredRows
 *     summary: Delete expired rows (Vercel Cron)
 *     description: >-
 *       Deletes what only piles up: idempotency records past their 24 hours, expired sessions and
 *       verification tokens, per-user request windows that have ended, and sign-in/sign-up
 *       rate-limit counters untouched for a day. In batches, for at most 20 s: `complete` is false
 *       when rows were left for the next run. Vercel Cron calls it daily (`vercel.json`), sending
 *       `Authorization: Bearer <CRON_SECRET>`. Without `CRON_SECRET` on the server it is off (404).
 *     responses:
 *       "200":
 *         description: Rows deleted, per table.
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CleanupReport" }
 *             examples: { CleanupReport: { $ref: "#/components/examples/CleanupReport" } }
 */
// GET /api/cron/cleanup – delete expired rows; Bearer CRON_SECRET (Vercel Cron)
export const GET = apiRoute(pattern, async (request) => {
  authorizeCron(request);
  return Response.json(await deleteExpiredRows());
});

// The methods /api/cron/cleanup does not serve answer 405
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(cleanupResource);
