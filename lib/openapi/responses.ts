import type { ExampleName } from "@/lib/openapi/examples";
import { exampleRefs, ref, type Example } from "@/lib/openapi/refs";

/**
 * `components.responses`: the error responses (one named body schema each, lib/openapi/schemas.ts),
 * the preflight's answer and the 304s, shared by the operations.
 */

/** Response headers: a header's name, or `[name, component]` when the component says more (e.g. that it is required). */
type HeaderSpec = string | [name: string, component: string];

const responseHeaders = (specs: HeaderSpec[]) =>
  Object.fromEntries(["X-Request-Id", ...specs].map((spec) => (typeof spec === "string" ? [spec, ref("headers", spec)] : [spec[0], ref("headers", spec[1])])));

/** An error response of the task API: its body is one named schema (lib/openapi/schemas.ts). */
function errorResponse(schema: string, description: string, examples: Example[], extraHeaders: HeaderSpec[] = []) {
  return {
    description,
    headers: responseHeaders(extraHeaders),
    content: { "application/json": { schema: ref("schemas", schema), examples: exampleRefs(...examples) } },
  };
}

/** An error of a Better Auth endpoint: the envelope plus Better Auth's `{message, code}`. */
function authErrorResponse(description: string, examples: Example[], extraHeaders: HeaderSpec[] = []) {
  return {
    description,
    headers: responseHeaders(extraHeaders),
    content: { "application/json": { schema: ref("schemas", "AuthError"), examples: exampleRefs(...examples) } },
  };
}

export const responses = {
  BadRequest: errorResponse(
    "ValidationError",
    "`VALIDATION_ERROR`: the body is empty (`type` `missing`) or not valid JSON (`json_invalid`); one `errors` entry at `[\"body\"]`.",
    ["MalformedJson", "EmptyBody"],
  ),
  PatchBadRequest: errorResponse(
    "ValidationError",
    "`VALIDATION_ERROR`: the body is empty (`type` `missing`), not valid JSON (`json_invalid`), or names no field (`value_error`); one `errors` entry at `[\"body\"]`.",
    ["NoFields", "MalformedJson", "EmptyBody"],
  ),
  Unauthorized: errorResponse(
    "UnauthorizedError",
    "`AUTH_MISSING`: no `Authorization: Bearer` header. `AUTH_INVALID`: the token is malformed, forged, expired, or has the wrong algorithm, issuer or audience, or its account has been deleted.",
    ["AuthMissing", "AuthInvalid", "AccountGone"],
    ["WWW-Authenticate"],
  ),
  Forbidden: errorResponse(
    "ForbiddenError",
    "`AUTH_FORBIDDEN`: `{user_id}` is not the token's user, or the request's `Origin` is a page that is not trusted (refused before anything else).",
    ["ForbiddenUser", "ForeignOrigin"],
  ),
  TaskForbidden: errorResponse(
    "ForbiddenError",
    "`AUTH_FORBIDDEN`: `{user_id}` is not the token's user, the task belongs to another user (nothing of it is read or changed), or the request's `Origin` is a page that is not trusted.",
    ["ForbiddenUser", "ForbiddenTask", "ForeignOrigin"],
  ),
  NotFound: errorResponse("NotFoundError", "`NOT_FOUND`: no such task (also after it was deleted).", ["NotFound"]),
  MethodNotAllowed: errorResponse("MethodNotAllowedError", "`METHOD_NOT_ALLOWED`: the path does not serve this method; `Allow` lists those it does.", ["MethodNotAllowed"], ["Allow"]),
  PayloadTooLarge: errorResponse("ValidationError", "`VALIDATION_ERROR`: the body is over 64 KiB; one `errors` entry at `[\"body\"]` (`bytes_too_long`).", ["TooLarge"]),
  UnsupportedMediaType: errorResponse(
    "ValidationError",
    "`VALIDATION_ERROR`: the body is not `application/json`; one `errors` entry at `[\"body\"]` (`model_attributes_type`, as FastAPI answers).",
    ["NotJson"],
  ),
  CreateInvalid: errorResponse(
    "CreateInvalidError",
    "`VALIDATION_ERROR`: well-formed JSON that breaks the schema (one `errors` entry per problem; an unknown field is named), or an invalid `Idempotency-Key` header. `IDEMPOTENCY_KEY_REUSED` (no `errors`): the `Idempotency-Key` was used before with a different body; nothing is created.",
    ["BlankTitle", "UnknownField", "BadIdempotencyKey", "IdempotencyKeyReused"],
  ),
  QueryInvalid: errorResponse(
    "ValidationError",
    "`VALIDATION_ERROR`: a query parameter is invalid, unknown or given twice; `loc` names it (`[\"query\", \"limit\"]`). A `cursor` the server did not issue for this very query (made up, altered, from another query) is invalid too.",
    ["BadLimit", "UnknownParameter", "BadCursor"],
  ),
  ExportQueryInvalid: errorResponse(
    "ValidationError",
    "`VALIDATION_ERROR`: `format` is neither `json` nor `csv`, or a query parameter is unknown or given twice; `loc` names it.",
    ["BadFormat"],
  ),
  ValidationFailed: errorResponse(
    "ValidationError",
    "`VALIDATION_ERROR`: well-formed JSON that breaks the schema (one `errors` entry per problem; an unknown field is named), or a bad `task_id`.",
    ["BlankTitle", "UnknownField", "BadTaskId"],
  ),
  TaskIdInvalid: errorResponse("ValidationError", "`VALIDATION_ERROR`: `task_id` is not a positive integer in range.", ["BadTaskId"]),
  TaskNotModified: {
    description: "Not modified: `If-None-Match` names the task's current `ETag`. No body.",
    headers: responseHeaders([["ETag", "TaskETag"], ["RateLimit-Policy", "RateLimitPolicy"], "RateLimit"]),
  },
  ListNotModified: {
    description: "Not modified: `If-None-Match` names the page's current `ETag`. No body.",
    headers: responseHeaders([["ETag", "ListETag"], ["RateLimit-Policy", "RateLimitPolicy"], "RateLimit"]),
  },
  PreconditionFailed: {
    description:
      "`PRECONDITION_FAILED`: `If-Match` does not match the task's current version (someone changed it since you read it). Nothing was changed; the body's `task` and the `ETag` header are the current version.",
    headers: responseHeaders([["ETag", "TaskETag"]]),
    content: { "application/json": { schema: ref("schemas", "PreconditionFailed"), examples: exampleRefs("PreconditionFailed") } },
  },
  CreateConflict: errorResponse(
    "ConflictError",
    "`IDEMPOTENCY_KEY_IN_USE`: a request with the same `Idempotency-Key` is still running. Repeat it after `Retry-After` seconds to get its response. `TASK_LIMIT_REACHED`: you already have `MAX_TASKS_PER_USER` tasks (10,000 by default); nothing was created, and nothing will be until you delete some.",
    ["IdempotencyKeyInUse", "TaskLimitReached"],
    [["Retry-After", "RetryAfterInUse"]],
  ),
  RateLimited: errorResponse(
    "RateLimitedError",
    "`RATE_LIMITED`: over your per-user budget (`RateLimit-Policy`; default 100 requests per second, shared by all instances). Nothing was done; retry after `Retry-After` seconds.",
    ["TooManyRequests"],
    [
      ["Retry-After", "RetryAfterRateLimit"],
      ["RateLimit-Policy", "RateLimitPolicyExceeded"],
      ["RateLimit", "RateLimitExceeded"],
    ],
  ),
  Preflight: {
    description:
      "The CORS preflight answer. With a trusted `Origin` it grants the methods and request headers a page may use; with any other (or none) it grants nothing, and the browser will not send the request.",
    headers: {
      Allow: ref("headers", "PreflightAllow"),
      Vary: ref("headers", "Vary"),
      "Access-Control-Allow-Origin": ref("headers", "Access-Control-Allow-Origin"),
      "Access-Control-Allow-Methods": ref("headers", "Access-Control-Allow-Methods"),
      "Access-Control-Allow-Headers": ref("headers", "Access-Control-Allow-Headers"),
      "Access-Control-Max-Age": ref("headers", "Access-Control-Max-Age"),
    },
  },
  CronUnauthorized: errorResponse(
    "UnauthorizedError",
    "`AUTH_MISSING`: no `Authorization: Bearer` header. `AUTH_INVALID`: the secret is not the server's `CRON_SECRET`.",
    ["CronSecretMissing", "CronSecretWrong"],
    ["WWW-Authenticate"],
  ),
  CronOff: errorResponse("NotFoundError", "`NOT_FOUND`: scheduled jobs are off on this server (`CRON_SECRET` is not set).", ["CronOff"]),
  ServerError: errorResponse(
    "ServerError",
    "`DATABASE_ERROR` (with `Retry-After`): the database failed or did not answer in time. `INTERNAL_ERROR`: anything else. Never a stack trace, SQL or driver message.",
    ["DatabaseError", "InternalError"],
    ["Retry-After"],
  ),
  AuthBadRequest: authErrorResponse("`VALIDATION_ERROR`: a missing or invalid field (the email's format, the password's length) or malformed JSON.", [
    "InvalidEmail",
    "PasswordTooShort",
    "AuthNotJson",
  ]),
  AuthPayloadTooLarge: authErrorResponse(
    "`VALIDATION_ERROR`: the body is larger than 16 KiB; one `errors` entry at `[\"body\"]` (`bytes_too_long`). A larger `Content-Length` is refused before the body is read; a body without one is read only until it passes the limit.",
    ["AuthBodyTooLarge"],
  ),
  AuthFieldRules: authErrorResponse(
    "`VALIDATION_ERROR`: a field breaks the account rules, checked before Better Auth reads the request; `errors` names each such field. `name`: 1–100 characters, not only spaces, no control characters; `email`: at most 254 characters; `password`: at most 128.",
    ["PasswordTooLong", "NameTooLong"],
  ),
  AuthInvalidOrigin: authErrorResponse(
    "`AUTH_FORBIDDEN`: the `Origin` header names a page that is not a trusted origin (`code` `INVALID_ORIGIN`; refused before Better Auth runs, so no login CSRF); or `MISSING_OR_NULL_ORIGIN` (Better Auth's own check): no `Origin` (nor a `Referer` of this site) on a request that carries a cookie or, for sign-up and sign-in, any `Sec-Fetch-*` header, as Node's `fetch` does (see the operation's `Origin` parameter). Browsers send `Origin` by themselves; from Node or curl send `Origin: <this server>`.",
    ["InvalidOrigin", "MissingOrigin"],
  ),
  AuthSignInForbidden: authErrorResponse(
    "`AUTH_FORBIDDEN`: `EMAIL_NOT_VERIFIED` when the server requires verified addresses (`REQUIRE_EMAIL_VERIFICATION`) and this one is not yet (`POST /api/auth/send-verification-email` sends a new link); or the `Origin` is not trusted (`INVALID_ORIGIN`) or missing where required (`MISSING_OR_NULL_ORIGIN`: with a cookie or a `Sec-Fetch-*` header, as Node's `fetch` sends; see the `Origin` parameter).",
    ["EmailNotVerified", "InvalidOrigin", "MissingOrigin"],
  ),
  AuthNoSession: authErrorResponse("`AUTH_INVALID`: no valid session cookie.", ["NoSessionError"], ["WWW-Authenticate"]),
  AuthServerError: {
    description: "`INTERNAL_ERROR`: an unexpected error in Better Auth, or `DATABASE_ERROR`.",
    headers: { "X-Request-Id": ref("headers", "X-Request-Id") },
    content: { "application/json": { schema: ref("schemas", "AuthError"), examples: exampleRefs("AuthInternalError") } },
  },
  AuthRateLimited: authRateLimited("", ["AuthRateLimited"]),
  SignInRateLimited: authRateLimited(
    " Also per account, whatever the address: after 5 failed sign-ins for one email address within 15 minutes (`code` `TOO_MANY_FAILED_SIGN_INS`), until those 15 minutes are over; a successful sign-in starts the count afresh.",
    ["TooManyFailedSignIns", "AuthRateLimited"],
  ),
  SignUpRateLimited: authRateLimited(
    " Also for all clients together: more than `SIGNUP_RATE_LIMIT_PER_MINUTE` sign-ups (default 30) within a minute (`code` `TOO_MANY_SIGN_UPS`).",
    ["TooManySignUps", "AuthRateLimited"],
  ),
};

function authRateLimited(more: string, examples: ExampleName[]) {
  return {
    description:
      "`RATE_LIMITED`: too many requests from this address. Better Auth's limiter, counted in the database so all instances share it (`AUTH_RATE_LIMIT`, on by default in production): 100 requests per 60 s, sign-in and sign-up 3 per 10 s. The address is taken from `X-Forwarded-For` only on Vercel or behind `TRUSTED_PROXIES`; elsewhere every client shares one count." +
      more +
      " Wait `Retry-After` seconds.",
    headers: { "Retry-After": ref("headers", "RetryAfterRateLimit"), "X-Retry-After": ref("headers", "X-Retry-After"), "X-Request-Id": ref("headers", "X-Request-Id") },
    content: { "application/json": { schema: ref("schemas", "AuthError"), examples: exampleRefs(...examples) } },
  };
}
