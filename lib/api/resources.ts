/**
 * The API's resources, one definition each: the path, the methods it serves and what every
 * operation on it shares. lib/api/route.ts makes a route's OPTIONS (CORS preflight) and 405
 * handlers from it; lib/openapi/resource-paths.ts fills in the document's shared parts (tag,
 * security, path parameters, standard responses, success headers, the preflight operation,
 * `x-methods-not-allowed`), so a route file's JSDoc says only what is its own.
 * Plain data (component names of the OpenAPI document): no server code.
 */

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface Resource<M extends HttpMethod = HttpMethod> {
  /** The OpenAPI path template, also the route's name in the logs. */
  path: string;
  /** The methods it serves; any other answers 405 with `Allow` naming these. */
  methods: readonly M[];
  tag: string;
  security: Record<string, string[]>[];
  /** `components.parameters` every operation takes, as path-level parameters. */
  parameters: string[];
  /** Response headers of every success (`components.headers`, by the name they are sent as). */
  successHeaders: Record<string, string>;
  /** Responses (`components.responses`) every operation may answer, by status. */
  responses: Record<string, string>;
  /** Responses every operation that reads a request body may answer besides. */
  bodyResponses?: Record<string, string>;
  /** The CORS preflight (OPTIONS) operation, for resources that browsers of trusted pages call. */
  preflight?: { operationId: string };
}

const defineResource = <M extends HttpMethod>(resource: Resource<M>) => resource;

/** What every task operation shares: Bearer token, the path's user, the per-user budget. */
const taskOperations = {
  tag: "Tasks",
  security: [{ bearerAuth: [] }],
  // lib/api/route.ts userRoute: the budget on every success; apiRoute: the request id on all.
  successHeaders: { "RateLimit-Policy": "RateLimitPolicy", RateLimit: "RateLimit", "X-Request-Id": "X-Request-Id" },
  // No or a bad token; another user's path or an untrusted page; over budget; a failure.
  responses: { "401": "Unauthorized", "403": "Forbidden", "429": "RateLimited", "500": "ServerError" },
  // lib/api/request-body.ts readJsonBody: no usable JSON, too large, not JSON.
  bodyResponses: { "400": "BadRequest", "413": "PayloadTooLarge", "415": "UnsupportedMediaType" },
};

export const taskListResource = defineResource({
  ...taskOperations,
  path: "/api/{user_id}/tasks",
  methods: ["GET", "POST"],
  parameters: ["UserId"],
  preflight: { operationId: "preflightTasks" },
});

export const taskResource = defineResource({
  ...taskOperations,
  path: "/api/{user_id}/tasks/{task_id}",
  methods: ["GET", "PUT", "PATCH", "DELETE"],
  parameters: ["UserId", "TaskId"],
  // The task may be another user's (403 names that too) or not exist, and `task_id` be no id.
  responses: { ...taskOperations.responses, "403": "TaskForbidden", "404": "NotFound", "422": "TaskIdInvalid" },
  // A body that breaks the schema is a 422 too.
  bodyResponses: { ...taskOperations.bodyResponses, "422": "ValidationFailed" },
  preflight: { operationId: "preflightTask" },
});

export const taskExportResource = defineResource({
  ...taskOperations,
  path: "/api/{user_id}/tasks/export",
  methods: ["GET"],
  parameters: ["UserId"],
  preflight: { operationId: "preflightTaskExport" },
});

/** The scheduled cleanup: Vercel Cron's secret, no browser ever calls it (no preflight). */
export const cleanupResource = defineResource({
  path: "/api/cron/cleanup",
  methods: ["GET"],
  tag: "Operations",
  security: [{ cronSecret: [] }],
  parameters: [],
  successHeaders: { "X-Request-Id": "X-Request-Id" },
  responses: { "401": "CronUnauthorized", "404": "CronOff", "500": "ServerError" },
});

export const resources: Resource[] = [taskListResource, taskResource, taskExportResource, cleanupResource];
