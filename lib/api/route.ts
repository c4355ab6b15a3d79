import "server-only";
import { authenticate, authorizePathUser } from "@/lib/api/authenticate";
import { applyCors, preflightResponse } from "@/lib/api/cors";
import { toErrorResponse } from "@/lib/api/error-response";
import { assertTrustedOrigin } from "@/lib/api/origin";
import { consumeRateLimit, rateLimitHeaders } from "@/lib/api/rate-limit";
import { requestIdOf } from "@/lib/api/request-id";
import { HTTP_METHODS, type HttpMethod, type Resource } from "@/lib/api/resources";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

type Params = Record<string, string | string[]>;
interface RouteContext<P> {
  params: Promise<P>;
}
type RouteHandler = ReturnType<typeof apiRoute>;
/** What the log line knows about the request beyond the request itself. */
interface RequestState {
  userId?: string;
}

/**
 * Runs one API request: request id, the handler, the one error mapper, one JSON log line.
 * Handlers throw AppErrors and never build error responses themselves.
 */
export function apiRoute<P extends Params>(
  pattern: string,
  run: (request: Request, params: P, state: RequestState) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const state: RequestState = {};
    let response: Response;
    let errorCode: string | undefined;
    try {
      response = await run(request, await context.params, state);
    } catch (error) {
      ({ response, code: errorCode } = toErrorResponse(error, requestId));
    }
    response.headers.set("X-Request-Id", requestId);
    applyCors(request, response);
    logger.info({
      request_id: requestId,
      method: request.method,
      route: pattern,
      status: response.status,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
      ...(state.userId ? { user_id: state.userId } : {}),
      ...(errorCode ? { error_code: errorCode } : {}),
    });
    return response;
  };
}

/**
 * A route under /api/{user_id}/…: trusted Origin (if any), Bearer token, the token's user must be
 * the path's, and within their request budget. Successful responses say what budget is left.
 */
export function userRoute<P extends Params & { user_id: string }>(
  pattern: string,
  handler: (request: Request, userId: string, params: P) => Promise<Response>,
) {
  return apiRoute<P>(pattern, async (request, params, state) => {
    assertTrustedOrigin(request);
    state.userId = await authenticate(request);
    authorizePathUser(state.userId, params.user_id);
    const budget = await consumeRateLimit(state.userId);
    const response = await handler(request, state.userId, params);
    if (budget) for (const [name, value] of Object.entries(rateLimitHeaders(budget))) response.headers.set(name, value);
    return response;
  });
}

/** OPTIONS: the CORS preflight of a resource (its `Allow` names the methods it serves). */
export function preflight(resource: Resource) {
  return async (request: Request): Promise<Response> => preflightResponse(request, [...resource.methods]);
}

/**
 * The error-envelope 405 for every method a resource does not serve (Next's own 405 has no
 * body), by method: a route file exports them by name, and only those (the type has no other).
 */
export function methodsNotAllowed<M extends HttpMethod>(resource: Resource<M>): Record<Exclude<HttpMethod, M>, RouteHandler> {
  const handler = apiRoute(resource.path, async (request) => {
    throw new AppError("METHOD_NOT_ALLOWED", `Method ${request.method} is not allowed here.`, {
      headers: { Allow: resource.methods.join(", ") },
    });
  });
  const unserved = HTTP_METHODS.filter((method): method is Exclude<HttpMethod, M> => !(resource.methods as readonly HttpMethod[]).includes(method));
  return Object.fromEntries(unserved.map((method) => [method, handler])) as Record<Exclude<HttpMethod, M>, RouteHandler>;
}

/** A path under /api that no route serves: 404 NOT_FOUND in the envelope, whatever the method. */
export function unknownApiPath() {
  return apiRoute("/api/*", async (request) => {
    const { pathname } = new URL(request.url);
    throw new AppError(
      "NOT_FOUND",
      `No API endpoint at ${pathname.slice(0, 200)}. Tasks are at /api/{user_id}/tasks and /api/{user_id}/tasks/{task_id}; see /docs.`,
    );
  });
}
