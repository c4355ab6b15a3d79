/**
 * The one error class of the app and its code table. Code that knows something went wrong throws
 * an AppError; lib/api/error-response.ts is the one place that turns it into an HTTP response.
 * The codes are fixed by the API specification: clients match on them.
 */
export const errorCodes = {
  VALIDATION_ERROR: 422,
  AUTH_MISSING: 401,
  AUTH_INVALID: 401,
  AUTH_FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  DATABASE_ERROR: 500,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** One problem with a request, located like `["body", "title"]` or `["path", "task_id"]`. */
export interface FieldError {
  loc: (string | number)[];
  msg: string;
}

interface AppErrorOptions {
  /** Overrides the code's usual status (VALIDATION_ERROR is also 400, 413 and 415). */
  status?: number;
  errors?: FieldError[];
  headers?: Record<string, string>;
  cause?: unknown;
}

export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status ?? errorCodes[code];
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

/** Wraps a failure of the database (unreachable, timed out, refused the query). */
export function databaseError(cause: unknown): AppError {
  return new AppError("DATABASE_ERROR", "The database is unavailable. Please retry shortly.", {
    headers: { "Retry-After": "2" },
    cause,
  });
}
