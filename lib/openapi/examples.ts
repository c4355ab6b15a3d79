import type { z } from "zod";
import type { ErrorBodyJson, PreconditionFailedBody } from "@/lib/error-schema";
import type { ErrorCode, FieldError, FieldErrorType } from "@/lib/errors";
import type {
  AuthError,
  JsonWebKeySet,
  SessionResponse,
  SignInEmailRequest,
  SignInResponse,
  SignUpEmailRequest,
  SignUpResponse,
  TokenResponse,
} from "@/lib/openapi/auth-schemas";
import type { CleanupReportBody } from "@/lib/cleanup-report";
import type { HealthResponse } from "@/lib/openapi/schemas";
import type { TaskCreateInput, TaskListResponseBody, TaskPatchInput, TaskResponseBody, TaskUpdateInput } from "@/lib/tasks/schema";

/**
 * `components.examples`: typed against the Zod schemas (so tsc rejects a stale example), and
 * validated against the generated JSON Schemas by tests/unit/openapi-document.test.ts.
 */

export const USER_ID = "r52qfLsfv3UTmI616zevb0j5Mkk09vcy";
export const CREATED = "2026-01-15T09:30:00.000Z";
export const CHANGED = "2026-01-15T10:05:12.345Z";
const TOKEN =
  "eyJhbGciOiJFZERTQSIsImtpZCI6ImIwT0NMN21PbUVuT1BxcTE0WXBSOGR5bXFtd0hiWkxBIn0.eyJzdWIiOiJyNTJxZkxzZnYzVVRtSTYxNnpldmIwajVNa2swOXZjeSJ9.C4IbE8lTAbT93SZNhZAdP3xNxZRrgI7NIAUnKZuRZM_ncZxvORgAiITXcvtm_h8OO8iaLfskkw04ESJzVEeMDw";

export const task = {
  id: 42,
  user_id: USER_ID,
  title: "Buy milk",
  description: "2 litres",
  complete: false,
  created_at: CREATED,
  updated_at: CREATED,
} satisfies TaskResponseBody;

export function error(code: ErrorCode, detail: string, errors?: FieldError[]): ErrorBodyJson {
  return { detail, error_code: code, timestamp: CHANGED, ...(errors ? { errors } : {}) };
}

/** A VALIDATION_ERROR about the body as a whole: one entry at `["body"]`. */
function bodyError(message: string, type: FieldErrorType): ErrorBodyJson {
  return error("VALIDATION_ERROR", message, [{ loc: ["body"], msg: message, type }]);
}

/** A VALIDATION_ERROR about one field (or parameter, or header), worded as the API words it. */
export function fieldError(loc: FieldError["loc"], message: string, type: FieldErrorType): ErrorBodyJson {
  return error("VALIDATION_ERROR", `Validation failed: ${message}`, [{ loc, msg: message, type }]);
}

export function authError(code: ErrorCode, detail: string, betterAuthCode: string): z.infer<typeof AuthError> {
  return { message: detail, code: betterAuthCode, ...error(code, detail) };
}

export const user = {
  id: USER_ID,
  email: "ada@example.com",
  name: "Ada",
  emailVerified: false,
  image: null,
  createdAt: CREATED,
  updatedAt: CREATED,
};

const examples = {
  // Tasks
  TaskCreateRequest: { summary: "Title and description", value: { title: "Buy milk", description: "2 litres" } satisfies TaskCreateInput },
  TaskUpdateRequest: { summary: "The whole task", value: { title: "Buy oat milk", description: null, complete: false } satisfies TaskUpdateInput },
  TaskPatchRequest: { summary: "Mark complete", value: { complete: true } satisfies TaskPatchInput },
  Task: { summary: "A task", value: task },
  TaskReplaced: { summary: "After PUT", value: { ...task, title: "Buy oat milk", description: null, updated_at: CHANGED } satisfies TaskResponseBody },
  TaskCompleted: { summary: "After PATCH", value: { ...task, complete: true, updated_at: CHANGED } satisfies TaskResponseBody },
  TaskList: { summary: "Two tasks, newest first", value: { tasks: [{ ...task, id: 43, title: "Call Bob", description: null }, task], count: 2, next_cursor: null } satisfies TaskListResponseBody },
  TaskListPage: {
    summary: "A page of a longer list (limit=1)",
    value: { tasks: [{ ...task, id: 43, title: "Call Bob", description: null }], count: 2, next_cursor: "eyJ2IjpudWxsLCJpIjo0M30.GrEVElrSoA-d9vC2Ld5xSzq5vzYpnQI-9IEq-I70NzU" } satisfies TaskListResponseBody,
  },
  // Errors of the task API
  MalformedJson: { summary: "Malformed JSON", value: bodyError("Request body is not valid JSON.", "json_invalid") },
  EmptyBody: { summary: "Empty body", value: bodyError("Request body is required (a JSON object).", "missing") },
  NoFields: { summary: "PATCH with no field", value: bodyError("At least one field must be provided.", "value_error") },
  AuthMissing: { summary: "No Bearer token", value: error("AUTH_MISSING", "Authentication required: send Authorization: Bearer <token>.") },
  AuthInvalid: { summary: "Expired, forged or malformed token", value: error("AUTH_INVALID", "Invalid access token: expired.") },
  ForbiddenUser: { summary: "Another user's path", value: error("AUTH_FORBIDDEN", "You may only access your own tasks.") },
  ForbiddenTask: { summary: "Another user's task", value: error("AUTH_FORBIDDEN", "This task belongs to another user.") },
  ForeignOrigin: { summary: "A page of an untrusted origin", value: error("AUTH_FORBIDDEN", "Requests from origin https://evil.example are not allowed.") },
  PreconditionFailed: {
    summary: "Changed since you read it",
    value: {
      ...error("PRECONDITION_FAILED", "The task has changed since you read it (If-Match does not match)."),
      error_code: "PRECONDITION_FAILED",
      task: { ...task, complete: true, updated_at: CHANGED },
    } satisfies z.infer<typeof PreconditionFailedBody>,
  },
  IdempotencyKeyInUse: {
    summary: "The first request is still running",
    value: error("IDEMPOTENCY_KEY_IN_USE", "A request with this Idempotency-Key is still being processed. Retry shortly."),
  },
  TaskLimitReached: {
    summary: "You have the most tasks an account may have",
    value: error("TASK_LIMIT_REACHED", "You have 10000 tasks, the most one account may have. Delete some to add more."),
  },
  IdempotencyKeyReused: { summary: "Same key, different body", value: error("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a different request body.") },
  BadIdempotencyKey: {
    summary: "Invalid Idempotency-Key",
    value: fieldError(["header", "Idempotency-Key"], "Idempotency-Key must be 1 to 255 visible ASCII characters", "string_pattern_mismatch"),
  },
  TooManyRequests: { summary: "Over the per-user budget", value: error("RATE_LIMITED", "Too many requests: at most 100 per 1 s. Retry later.") },
  BadLimit: { summary: "limit out of range", value: fieldError(["query", "limit"], "limit must be an integer from 1 to 500", "less_than_equal") },
  BadCursor: {
    summary: "A cursor not issued for this query",
    value: fieldError(["query", "cursor"], "cursor is not valid for this query (use next_cursor with the same filter and sort)", "value_error"),
  },
  UnknownParameter: { summary: "Unknown query parameter", value: fieldError(["query", "completed"], "Unknown field 'completed'.", "extra_forbidden") },
  NotFound: { summary: "No such task", value: error("NOT_FOUND", "Task 42 not found.") },
  MethodNotAllowed: { summary: "Method not served", value: error("METHOD_NOT_ALLOWED", "Method PUT is not allowed here.") },
  TooLarge: { summary: "Body over 64 KiB", value: bodyError("Request body must be at most 65536 bytes.", "bytes_too_long") },
  NotJson: { summary: "Not application/json", value: bodyError("Request body must be JSON: send Content-Type: application/json.", "model_attributes_type") },
  UnknownField: { summary: "Unknown field", value: fieldError(["body", "completed"], "Unknown field 'completed'.", "extra_forbidden") },
  BlankTitle: { summary: "Blank title", value: fieldError(["body", "title"], "title must not be blank", "string_too_short") },
  BadTaskId: { summary: "task_id not a positive integer", value: fieldError(["path", "task_id"], "task_id must be a positive integer", "int_parsing") },
  DatabaseError: { summary: "Database unavailable", value: error("DATABASE_ERROR", "The database is unavailable. Please retry shortly.") },
  InternalError: { summary: "Unexpected error", value: error("INTERNAL_ERROR", "An unexpected error occurred.") },
  // Authentication (Better Auth)
  SignUpRequest: { summary: "Sign up", value: { name: "Ada", email: "ada@example.com", password: "correct-horse" } satisfies z.input<typeof SignUpEmailRequest> },
  SignInRequest: { summary: "Sign in", value: { email: "ada@example.com", password: "correct-horse" } satisfies z.input<typeof SignInEmailRequest> },
  SignedUp: { summary: "Signed up and signed in", value: { token: "AJftT0H8yVyVJzRfs7aqpNKMttjbLVcX", user } satisfies z.infer<typeof SignUpResponse> },
  SignedIn: { summary: "Signed in", value: { redirect: false, token: "2VauzHjY1vCr1YZHniUsrSSzvpb1EUSi", user } satisfies z.infer<typeof SignInResponse> },
  AccessToken: { summary: "An access token", value: { token: TOKEN } satisfies z.infer<typeof TokenResponse> },
  Session: {
    summary: "Signed in",
    value: {
      session: { id: "zU4vkkLnppwr1OiB2HOwnWRRTyBMjaVn", userId: USER_ID, token: "xu7TqRQJX3VGoGlqjWno9FLI1zM0oaJm", expiresAt: "2026-01-22T09:30:00.000Z", createdAt: CREATED, updatedAt: CREATED, ipAddress: "127.0.0.1", userAgent: "curl/8.5.0" },
      user,
    } satisfies z.infer<typeof SessionResponse>,
  },
  NoSession: { summary: "Not signed in", value: null satisfies z.infer<typeof SessionResponse> },
  Jwks: {
    summary: "One Ed25519 key",
    value: { keys: [{ kty: "OKP", crv: "Ed25519", alg: "EdDSA", kid: "b0OCL7mOmEnOPqq14YpR8dymqmwHbZLA", x: "oijPSf7a2Bo5ant2VhQuWuFoKeVr6-sYJ663I94NlS4" }] } satisfies z.infer<typeof JsonWebKeySet>,
  },
  SignedOut: { summary: "Signed out", value: { success: true } },
  InvalidEmail: { summary: "Invalid email", value: authError("VALIDATION_ERROR", "[body.email] Invalid email address", "VALIDATION_ERROR") },
  PasswordTooShort: { summary: "Password too short", value: authError("VALIDATION_ERROR", "Password too short", "PASSWORD_TOO_SHORT") },
  UserExists: { summary: "Email already registered", value: authError("VALIDATION_ERROR", "User already exists. Use another email.", "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") },
  InvalidCredentials: { summary: "Wrong email or password", value: authError("AUTH_INVALID", "Invalid email or password", "INVALID_EMAIL_OR_PASSWORD") },
  NoSessionError: { summary: "No session cookie", value: authError("AUTH_INVALID", "Unauthorized", "UNAUTHORIZED") },
  InvalidOrigin: { summary: "Untrusted Origin", value: authError("AUTH_FORBIDDEN", "Invalid origin", "INVALID_ORIGIN") },
  MissingOrigin: { summary: "No Origin where one is required", value: authError("AUTH_FORBIDDEN", "Missing or null Origin", "MISSING_OR_NULL_ORIGIN") },
  AuthInternalError: { summary: "Unexpected error", value: error("INTERNAL_ERROR", "Internal Server Error") },
  AuthRateLimited: {
    summary: "Too many requests",
    value: { message: "Too many requests. Please try again later.", ...error("RATE_LIMITED", "Too many requests. Please try again later.") } satisfies z.infer<typeof AuthError>,
  },
  TooManyFailedSignIns: {
    summary: "Too many failed sign-ins for this account",
    value: authError("RATE_LIMITED", "Too many failed sign-ins for this account. Try again in 15 minutes.", "TOO_MANY_FAILED_SIGN_INS"),
  },
  TooManySignUps: {
    summary: "Too many new accounts right now",
    value: authError("RATE_LIMITED", "Too many new accounts are being created right now. Try again in a minute.", "TOO_MANY_SIGN_UPS"),
  },
  AuthBodyTooLarge: { summary: "Body over 16 KiB", value: bodyError("Request body must be at most 16384 bytes.", "bytes_too_long") },
  AuthNotJson: { summary: "Malformed JSON", value: bodyError("Request body is not valid JSON.", "json_invalid") },
  NameTooLong: { summary: "Name too long", value: fieldError(["body", "name"], "Name must be at most 100 characters", "string_too_long") },
  PasswordTooLong: { summary: "Password too long", value: fieldError(["body", "password"], "Password must be at most 128 characters", "string_too_long") },
  // Scheduled jobs
  CleanupReport: {
    summary: "A day's expired rows",
    value: { deleted: { idempotency_keys: 1520, sessions: 37, verifications: 0, api_rate_limits: 212, rate_limits: 96 }, complete: true } satisfies CleanupReportBody,
  },
  CronSecretMissing: { summary: "No Bearer secret", value: error("AUTH_MISSING", "Authentication required: send Authorization: Bearer <CRON_SECRET>.") },
  CronSecretWrong: { summary: "Not the server's CRON_SECRET", value: error("AUTH_INVALID", "Invalid cron secret.") },
  CronOff: { summary: "CRON_SECRET not set", value: error("NOT_FOUND", "Not found: scheduled jobs are off on this server (CRON_SECRET is not set).") },
  // Health
  Healthy: { summary: "Up", value: { status: "ok", database: "ok" } satisfies z.infer<typeof HealthResponse> },
  Unhealthy: { summary: "Database not answering", value: { status: "unavailable", database: "unavailable" } satisfies z.infer<typeof HealthResponse> },
};

export type ExampleName = keyof typeof examples;
export const componentExamples: Record<ExampleName, { summary: string; value: unknown }> = examples;
