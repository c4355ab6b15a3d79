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
  TASK_LIMIT_REACHED: 409,
  PRECONDITION_FAILED: 412,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  DATABASE_ERROR: 500,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/**
 * The `type` of a field error, in pydantic v2's vocabulary, so that a client written for a FastAPI
 * API reads our 422s as it reads FastAPI's. lib/api/field-errors.ts maps Zod's issues onto these.
 */
export const fieldErrorTypes = [
  "missing",
  "extra_forbidden",
  "json_invalid",
  "model_attributes_type",
  "string_type",
  "bool_type",
  "string_too_short",
  "string_too_long",
  "bytes_too_long",
  "string_pattern_mismatch",
  "int_parsing",
  "greater_than",
  "greater_than_equal",
  "less_than",
  "less_than_equal",
  "literal_error",
  "enum",
  "value_error",
] as const;

export type FieldErrorType = (typeof fieldErrorTypes)[number];

/** One problem with a request, located like `["body", "title"]` or `["path", "task_id"]`. */
export interface FieldError {
  loc: (string | number)[];
  msg: string;
  type: FieldErrorType;
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

/** A valid token whose account has been deleted (tokens are checked locally and outlive it). */
export function accountGone(cause?: unknown): AppError {
  return new AppError("AUTH_INVALID", "Invalid access token: the account no longer exists.", { cause });
}
