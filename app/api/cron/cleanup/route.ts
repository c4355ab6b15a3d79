import { authorizeCron } from "@/lib/api/cron-auth";
import { apiRoute, methodNotAllowed } from "@/lib/api/route";
import { deleteExpiredRows } from "@/lib/cleanup";

const pattern = "/api/cron/cleanup";

// Vercel stops a function at its plan's limit; the cleanup stops itself after 20 s of work.
export const maxDuration = 60;

/**
 * @swagger
 * /api/cron/cleanup:
 *   x-methods-not-allowed:
 *     methods: [POST, PUT, PATCH, DELETE]
 *     response: { $ref: "#/components/responses/MethodNotAllowed" }
 *   get:
 *     operationId: cleanUpExpiredRows
 *     tags: [Operations]
 *     summary: Delete expired rows (Vercel Cron)
 *     description: >-
 *       Deletes what only piles up: idempotency records past their 24 hours, expired sessions and
 *       verification tokens, per-user request windows that have ended, and sign-in/sign-up
 *       rate-limit counters untouched for a day. In batches, for at most 20 s: `complete` is false
 *       when rows were left for the next run. Vercel Cron calls it daily (`vercel.json`), sending
 *       `Authorization: Bearer <CRON_SECRET>`. Without `CRON_SECRET` on the server it is off (404).
 *     security: [{ cronSecret: [] }]
 *     responses:
 *       "200":
 *         description: Rows deleted, per table.
 *         headers: { X-Request-Id: { $ref: "#/components/headers/X-Request-Id" } }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CleanupReport" }
 *             examples: { CleanupReport: { $ref: "#/components/examples/CleanupReport" } }
 *       "401": { $ref: "#/components/responses/CronUnauthorized" }
 *       "404": { $ref: "#/components/responses/CronOff" }
 *       "500": { $ref: "#/components/responses/ServerError" }
 */
// GET /api/cron/cleanup – delete expired rows; Bearer CRON_SECRET (Vercel Cron)
export const GET = apiRoute(pattern, async (request) => {
  authorizeCron(request);
  return Response.json(await deleteExpiredRows());
});

const notAllowed = methodNotAllowed(pattern, ["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
