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
  IDEMPOTENCY_KEY_IN_USE: 409,
  PRECONDITION_FAILED: 412,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
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
  /** More members of the error body, e.g. the current task of a 412. */
  extra?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly extra: Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status ?? errorCodes[code];
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
}

/** The PostgreSQL SQLSTATE of a driver error, also when Drizzle wrapped it (`cause`). */
function sqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = cause;
  }
  return undefined;
}

/** A valid token whose account has been deleted (tokens are checked locally and outlive it). */
export function accountGone(cause?: unknown): AppError {
  return new AppError("AUTH_INVALID", "Invalid access token: the account no longer exists.", { cause });
}

// Every foreign key of the schema names the user: a write that breaks one raced the deletion of
// its account, so the request is refused like the deleted account's token, not as an outage.
const FOREIGN_KEY_VIOLATION = "23503";

/** Wraps a failure of the database (unreachable, timed out, refused the query). */
export function databaseError(cause: unknown): AppError {
  if (sqlState(cause) === FOREIGN_KEY_VIOLATION) return accountGone(cause);
  return new AppError("DATABASE_ERROR", "The database is unavailable. Please retry shortly.", {
    headers: { "Retry-After": "2" },
    cause,
  });
}
