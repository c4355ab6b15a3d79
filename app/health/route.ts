import { apiRoute } from "@/lib/api/route";
import { databaseIsUp } from "@/lib/health";

/**
 * @swagger
 * /health:
 *   get:
 *     operationId: getHealth
 *     tags: [Operations]
 *     summary: Liveness and database reachability
 *     description: No authentication. 503 when the database does not answer within 2 seconds.
 *     security: []
 *     responses:
 *       "200":
 *         description: Up, database reachable.
 *         headers: { X-Request-Id: { $ref: "#/components/headers/X-Request-Id" } }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/HealthResponse" }
 *             examples: { Healthy: { $ref: "#/components/examples/Healthy" } }
 *       "503":
 *         description: The database does not answer.
 *         headers:
 *           Retry-After: { $ref: "#/components/headers/Retry-After" }
 *           X-Request-Id: { $ref: "#/components/headers/X-Request-Id" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/HealthResponse" }
 *             examples: { Unhealthy: { $ref: "#/components/examples/Unhealthy" } }
 */
// GET /health – liveness and database reachability; no authentication
export const GET = apiRoute("/health", async () =>
  (await databaseIsUp())
    ? Response.json({ status: "ok", database: "ok" })
    : Response.json({ status: "unavailable", database: "unavailable" }, { status: 503, headers: { "Retry-After": "2" } }),
);
