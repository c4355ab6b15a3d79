import "server-only";
import type { ErrorBodyJson } from "@/lib/error-schema";
import { loggableError } from "@/db/errors";
import { AppError, type ErrorCode, type FieldError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** The envelope of lib/error-schema.ts (the OpenAPI document's `Error` / `ValidationError`). */
export function errorBody(code: ErrorCode, detail: string, errors?: FieldError[]): ErrorBodyJson {
  return { detail, error_code: code, timestamp: new Date().toISOString(), ...(errors ? { errors } : {}) };
}

/**
 * The one mapper from a thrown value to an AppError. Anything that is not an AppError is a bug:
 * it is logged with its stack here and the client gets a generic INTERNAL_ERROR, never the message.
 * What is logged of a cause is `loggableError`'s: never the values of a failed query. A 4xx the
 * database itself refused (a value that got past validation) is logged as a warning.
 */
export function toKnownError(error: unknown, requestId: string): AppError {
  const known =
    error instanceof AppError
      ? error
      : new AppError("INTERNAL_ERROR", "An unexpected error occurred.", { cause: error });
  if (known.status >= 500) {
    logger.error({ request_id: requestId, error_code: known.code, err: loggableError(known.cause) }, "request failed");
  } else if (known.cause !== undefined) {
    logger.warn({ request_id: requestId, error_code: known.code, err: loggableError(known.cause) }, "request refused by the database");
  }
  return known;
}

/** The error response of a thrown value (see toKnownError): the envelope, its status and headers. */
export function toErrorResponse(error: unknown, requestId: string): { response: Response; code: ErrorCode } {
  const known = toKnownError(error, requestId);
  const headers = new Headers(known.headers);
  if (known.status === 401) headers.set("WWW-Authenticate", 'Bearer realm="todo-next"');
  const response = Response.json({ ...errorBody(known.code, known.message, known.errors), ...known.extra }, {
    status: known.status,
    headers,
  });
  return { response, code: known.code };
}
