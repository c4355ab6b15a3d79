import { buildOpenApiDocument } from "@/lib/openapi/document";

// Prerendered by `next build`, where the sources it reads are present: production serves the
// stored document and never scans the file system (nor needs the sources) per request.
export const dynamic = "force-static";

/**
 * @swagger
 * /api/openapi.json:
 *   get:
 *     operationId: getOpenApiDocument
 *     tags: [Operations]
 *     summary: This OpenAPI 3.1 document
 *     description: Rendered at [/docs](/docs) (Swagger UI) and [/redoc](/redoc) (ReDoc).
 *     security: []
 *     responses:
 *       "200":
 *         description: The document.
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/OpenApiDocument" }
 */
// GET /api/openapi.json – the API's OpenAPI document
export function GET(): Response {
  return Response.json(buildOpenApiDocument());
}
