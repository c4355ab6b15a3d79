import { z } from "zod";
import type { AccountExampleName } from "@/lib/openapi/account-examples";
import type { ExampleName } from "@/lib/openapi/examples";
import { asSchemaObject } from "@/lib/openapi/schemas";
import { IdempotencyKey, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, TaskExportQuery, TaskIdNumber, TaskListQuery } from "@/lib/tasks/schema";

/**
 * Reusable parts of the OpenAPI document that the operations (JSDoc on the route handlers)
 * refer to: security schemes, path, query and header parameters, response headers and the error
 * responses.
 */

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });
const exampleRefs = (...names: (ExampleName | AccountExampleName)[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/examples/${name}` }]));

export const securitySchemes = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "An access token from `GET /api/auth/token` (EdDSA-signed JWT, valid 15 minutes by default). " +
      "Its `sub` is your user id, the `{user_id}` of the task paths.",
  },
  cronSecret: {
    type: "http",
    scheme: "bearer",
    description: "The server's `CRON_SECRET`, as Vercel Cron sends it. Only the scheduled jobs take it.",
  },
  // Better Auth names its cookies by the server's scheme: over https (Vercel, any TLS deployment)
  // with the `__Secure-` prefix. A server answers to one of the two names, never both.
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
    description:
      "The session cookie set by sign-up and sign-in, on a server whose URL is `http://` (local development). Browsers send it by themselves; it does not authenticate task requests.",
  },
  secureSessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "__Secure-better-auth.session_token",
    description: "The same session cookie on a server served over `https://` (Vercel, any TLS deployment): Better Auth prefixes its name with `__Secure-`.",
  },
};

// The path's `task_id` as clients send it: the range of the ids the API sends (TaskResponse.id),
// which is what lib/tasks/schema.ts TaskId accepts (a test checks).
export const TaskIdParameter = TaskIdNumber;

// `limit` as clients send it: a number with the bounds TaskListQuery accepts (a test checks).
export const ListLimitParameter = z.int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT);

// `complete` as clients send it: a boolean, which a query string carries as `true` or `false`,
// exactly the two values TaskListQuery accepts (a test checks). The other list parameters are
// documented with TaskListQuery's own input schemas.
export const ListCompleteParameter = z.boolean();

const inputSchema = (schema: z.ZodType) => asSchemaObject(z.toJSONSchema(schema, { io: "input" }));

// Optional parameters carry no `example`: Swagger UI's "Try it out" sends a parameter's example as
// its value, and a stale cursor, ETag or idempotency key turns a first try into a 422, 412 or
// replay. Examples go in the description instead.
const withExample = (description: string, example: string) => `${description} Example: \`${example}\`.`;

function queryParameter(name: keyof typeof TaskListQuery.shape, description: string, example: string, schema: z.ZodType = TaskListQuery.shape[name]) {
  return { name, in: "query", required: false, description: withExample(description, example), schema: inputSchema(schema) };
}

export const parameters = {
  UserId: {
    name: "user_id",
    in: "path",
    required: true,
    description: "Your user id: the `sub` (and `user_id`) claim of your token, `user.id` in the sign-up and sign-in responses.",
    schema: { type: "string", minLength: 1 },
    example: "r52qfLsfv3UTmI616zevb0j5Mkk09vcy",
  },
  TaskId: {
    name: "task_id",
    in: "path",
    required: true,
    description: "The task's id (`id` in the task responses). Anything but a positive integer up to 9007199254740991 (2^53 − 1) is a 422.",
    schema: asSchemaObject(z.toJSONSchema(TaskIdParameter)),
  },
  ListComplete: queryParameter("complete", "Only completed (`true`) or only open (`false`) tasks. Omitted: both.", "false", ListCompleteParameter),
  ListSearch: queryParameter(
    "q",
    "Only tasks whose title or description contains this text, case-insensitive; `%`, `_` and `\\` are taken literally.",
    "milk",
  ),
  ListSort: queryParameter("sort", "The order's key; ties are broken by `id`.", "created_at"),
  ListOrder: queryParameter("order", "Direction of `sort`. The default (`id`, `desc`) is newest first.", "asc"),
  ListLimit: queryParameter("limit", `Tasks per page, 1 to ${LIST_LIMIT_MAX}.`, "20", ListLimitParameter),
  ListCursor: queryParameter(
    "cursor",
    "Opaque: the `next_cursor` of the previous page (or follow the `Link` header). Signed by the server and valid only with the same `complete`, `q`, `sort` and `order`; anything else (made up, altered, from another query) is a 422 `VALIDATION_ERROR` naming `cursor` (`type` `value_error`).",
    "eyJ2IjpudWxsLCJpIjo0Mn0.TaLXaQyMkGxt9Qek9jbITu5TacQpIKGLumigMuvGxzI",
  ),
  ExportFormat: {
    name: "format",
    in: "query",
    required: false,
    description: withExample("The file's format: `json` (the API's task shape) or `csv`. Anything else is a 422.", "csv"),
    schema: inputSchema(TaskExportQuery.shape.format),
  },
  IfNoneMatch: {
    name: "If-None-Match",
    in: "header",
    required: false,
    description: withExample(
      "The `ETag` of the copy you have (or several, comma-separated, or `*`): while it is current, the answer is 304 with no body. Weak comparison.",
      '"42.1768462200000"',
    ),
    schema: { type: "string" },
  },
  IfMatch: {
    name: "If-Match",
    in: "header",
    required: false,
    description:
      withExample(
      "Change only if the task is still this version: its `ETag` (`\"<id>.<updated_at in ms>\"`, several comma-separated allowed), or `*` for \"it exists\". Otherwise 412 `PRECONDITION_FAILED` and nothing changes. Strong comparison: a weak tag (`W/…`) never matches.",
      '"42.1768462200000"',
    ),
    schema: { type: "string" },
  },
  IdempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      withExample(
      "Makes the create safe to retry: a repeat with the same key and body (within 24 hours, per user) returns the first response with `Idempotent-Replayed: true` and creates nothing. The same key with another body is a 422 `IDEMPOTENCY_KEY_REUSED`; a repeat while the first is still running is a 409 `IDEMPOTENCY_KEY_IN_USE`. An invalid key is a 422 naming `[\"header\", \"Idempotency-Key\"]`. Use a new one (a UUID) for each task you create.",
      "9b2f4c1e-5d7a-4e3b-8f6a-2c1d0e9b8a7f",
    ),
    schema: inputSchema(IdempotencyKey),
  },
  Origin: {
    name: "Origin",
    in: "header",
    required: false,
    description: "The page asking (browsers set it). Only the app's own origin and `TRUSTED_ORIGINS` get CORS permission.",
    schema: { type: "string" },
  },
  // Better Auth's origin check (better-auth/dist/api/middlewares/origin-check.mjs) on every POST:
  // Origin (or Referer) required when a cookie is sent; on sign-up and sign-in also when any Fetch
  // Metadata header is. Before it, app/api/auth refuses an Origin that is not trusted.
  AuthOrigin: {
    name: "Origin",
    in: "header",
    required: false,
    description:
      "The origin of the page sending the request; browsers set it themselves. An origin other than this site's (and `TRUSTED_ORIGINS`) is refused with 403 `INVALID_ORIGIN`. **Required when the request carries a cookie** (the session's, for one): without it, or a `Referer` of this site, the answer is 403 `MISSING_OR_NULL_ORIGIN`. A client that sends no cookie may leave it out.",
    schema: { type: "string" },
  },
  SignInOrigin: {
    name: "Origin",
    in: "header",
    required: false,
    description:
      "The origin of the page sending the request; browsers set it themselves. An origin other than this site's (and `TRUSTED_ORIGINS`) is refused with 403 `INVALID_ORIGIN`. **Required when the request carries a cookie or any Fetch Metadata header** (`Sec-Fetch-Site`, `Sec-Fetch-Mode`, `Sec-Fetch-Dest`): without it, or a `Referer` of this site, the answer is 403 `MISSING_OR_NULL_ORIGIN`. Browsers send those headers, and so does Node's `fetch` (`Sec-Fetch-Mode: cors`): from Node, send `Origin: <this server's origin>`. A client that sends neither (curl) may leave it out.",
    schema: { type: "string" },
  },
  AccessControlRequestMethod: {
    name: "Access-Control-Request-Method",
    in: "header",
    required: false,
    description: "The method the browser wants to send.",
    schema: { type: "string" },
  },
  AccessControlRequestHeaders: {
    name: "Access-Control-Request-Headers",
    in: "header",
    required: false,
    description: "The request headers the browser wants to send.",
    schema: { type: "string" },
  },
};

export const headers = {
  "X-Request-Id": {
    description: "The request's id: a sane inbound `X-Request-Id` is echoed, otherwise a UUID is generated. It is in the request's log line.",
    required: true,
    schema: { type: "string", pattern: "^[A-Za-z0-9._:@-]{1,128}$" },
  },
  RedirectLocation: { description: "Where the browser goes next.", required: true, schema: { type: "string" }, example: "http://localhost:3000/reset-password?token=lE3dTwNVsiDJbh46e9HEziI9" },
  ExportDisposition: {
    description: "A download, named after the day: `attachment; filename=\"todo-next-tasks-YYYY-MM-DD.json\"` (or `.csv`).",
    required: true,
    schema: { type: "string", pattern: '^attachment; filename="todo-next-tasks-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.(json|csv)"$' },
  },
  Location: { description: "Path of the new task.", required: true, schema: { type: "string" }, example: "/api/r52qfLsfv3UTmI616zevb0j5Mkk09vcy/tasks/42" },
  "WWW-Authenticate": { description: "Always `Bearer`.", required: true, schema: { type: "string" }, example: 'Bearer realm="todo-next"' },
  Allow: { description: "The methods this path serves.", required: true, schema: { type: "string" }, example: "GET, POST" },
  "Retry-After": { description: "Seconds to wait before retrying (with `DATABASE_ERROR`).", schema: { type: "integer", minimum: 1 } },
  TaskETag: {
    description: "The task's strong entity tag, `\"<id>.<updated_at in ms>\"`; every write moves `updated_at` forward, so the tag changes with every write. Send it as `If-Match` (writes) or `If-None-Match` (reads).",
    required: true,
    schema: { type: "string", pattern: '^"[0-9]+\\.[0-9]+"$' },
    example: '"42.1768462200000"',
  },
  ListETag: {
    description: "The page's strong entity tag: a digest of the exact body (tasks, `count`, `next_cursor`). Send it as `If-None-Match`.",
    required: true,
    schema: { type: "string", pattern: '^"[A-Za-z0-9_-]+"$' },
    example: '"m3vJ0oE6hVYbN0r6l2mF1yq8sXw"',
  },
  NextLink: {
    description: "The next page (RFC 8288), only when there is one: the same query with `cursor` set.",
    schema: { type: "string", pattern: '^<[^>]+>; rel="next"$' },
    example: '</api/r52qfLsfv3UTmI616zevb0j5Mkk09vcy/tasks?limit=20&cursor=eyJzIjoiaWQi…>; rel="next"',
  },
  IdempotentReplayed: {
    description: "`true` when this is the stored response of an earlier request with the same `Idempotency-Key` (nothing was created this time).",
    schema: { type: "string", enum: ["true"] },
  },
  RateLimitPolicy: {
    description:
      "The per-user budget (IETF RateLimit header fields): `q` requests per `w` seconds, counted across all instances. On every successful task response; absent when the server turns the limit off (`RATE_LIMIT_REQUESTS=0`).",
    schema: { type: "string", pattern: '^"per-user";q=[0-9]+;w=[0-9]+$' },
    example: '"per-user";q=100;w=1',
  },
  RateLimit: {
    description: "Where you stand: `r` requests left in this window, which ends in `t` seconds. Present with `RateLimit-Policy`.",
    schema: { type: "string", pattern: '^"per-user";r=[0-9]+;t=[0-9]+$' },
    example: '"per-user";r=99;t=1',
  },
  RateLimitPolicyExceeded: {
    description: "The per-user budget: `q` requests per `w` seconds.",
    required: true,
    schema: { type: "string", pattern: '^"per-user";q=[0-9]+;w=[0-9]+$' },
    example: '"per-user";q=100;w=1',
  },
  RateLimitExceeded: {
    description: "`r=0`: nothing left; the window ends in `t` seconds.",
    required: true,
    schema: { type: "string", pattern: '^"per-user";r=0;t=[0-9]+$' },
    example: '"per-user";r=0;t=1',
  },
  RetryAfterRateLimit: { description: "Seconds until the window ends and requests are accepted again.", required: true, schema: { type: "integer", minimum: 1 }, example: 1 },
  RetryAfterInUse: {
    description:
      "With `IDEMPOTENCY_KEY_IN_USE` (always sent then): seconds to wait before repeating the request (by then the first has usually finished). Not sent with `TASK_LIMIT_REACHED`: waiting does not help.",
    // OpenAPI cannot make a header required for one error code only; tests/support/contract.ts reads this.
    "x-required-with-error-codes": ["IDEMPOTENCY_KEY_IN_USE"],
    schema: { type: "integer", minimum: 1 },
    example: 1,
  },
  PreflightAllow: { description: "The methods this path serves, `OPTIONS` included.", required: true, schema: { type: "string" }, example: "GET, POST, OPTIONS" },
  "Access-Control-Allow-Origin": { description: "The asking `Origin`, only when it is trusted (the app's own origin or `TRUSTED_ORIGINS`).", schema: { type: "string" } },
  "Access-Control-Allow-Methods": { description: "With a trusted `Origin`: the methods a page may send.", schema: { type: "string" }, example: "GET, PUT, PATCH, DELETE, OPTIONS" },
  "Access-Control-Allow-Headers": {
    description: "With a trusted `Origin`: the request headers a page may send.",
    schema: { type: "string" },
    example: "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, X-Request-Id",
  },
  "Access-Control-Max-Age": { description: "With a trusted `Origin`: seconds a browser may cache this answer.", schema: { type: "integer", minimum: 0 }, example: 600 },
  Vary: { description: "Always `Origin`: the answer depends on it.", required: true, schema: { type: "string" }, example: "Origin" },
  "X-Retry-After": { description: "Seconds until the rate limit window ends.", required: true, schema: { type: "integer", minimum: 0 } },
  "Set-Cookie": {
    description:
      "The session cookie (`better-auth.session_token`; over https `__Secure-better-auth.session_token`, Secure; HttpOnly, SameSite=Lax). Browsers keep it; with curl use `-c cookies.txt`.",
    required: true,
    schema: { type: "string" },
  },
  SignUpSetCookie: {
    description: "The session cookie, as for sign-in; absent when the server requires verified addresses (the emailed link signs in instead).",
    schema: { type: "string" },
  },
  "set-auth-jwt": { description: "A fresh access token for the session (the same JWT `GET /api/auth/token` returns).", schema: { type: "string" } },
};

/** Response headers: a header's name, or `[name, component]` when the component says more (e.g. that it is required). */
type HeaderSpec = string | [name: string, component: string];

const responseHeaders = (specs: HeaderSpec[]) =>
  Object.fromEntries(["X-Request-Id", ...specs].map((spec) => (typeof spec === "string" ? [spec, headerRef(spec)] : [spec[0], headerRef(spec[1])])));

/** An error response of the task API: its body is one named schema (lib/openapi/schemas.ts). */
function errorResponse(schema: string, description: string, examples: (ExampleName | AccountExampleName)[], extraHeaders: HeaderSpec[] = []) {
  return {
    description,
    headers: responseHeaders(extraHeaders),
    content: { "application/json": { schema: schemaRef(schema), examples: exampleRefs(...examples) } },
  };
}

/** An error of a Better Auth endpoint: the envelope plus Better Auth's `{message, code}`. */
function authErrorResponse(description: string, examples: (ExampleName | AccountExampleName)[], extraHeaders: HeaderSpec[] = []) {
  return {
    description,
    headers: responseHeaders(extraHeaders),
    content: { "application/json": { schema: schemaRef("AuthError"), examples: exampleRefs(...examples) } },
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
    content: { "application/json": { schema: schemaRef("PreconditionFailed"), examples: exampleRefs("PreconditionFailed") } },
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
      Allow: headerRef("PreflightAllow"),
      Vary: headerRef("Vary"),
      "Access-Control-Allow-Origin": headerRef("Access-Control-Allow-Origin"),
      "Access-Control-Allow-Methods": headerRef("Access-Control-Allow-Methods"),
      "Access-Control-Allow-Headers": headerRef("Access-Control-Allow-Headers"),
      "Access-Control-Max-Age": headerRef("Access-Control-Max-Age"),
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
    headers: { "X-Request-Id": headerRef("X-Request-Id") },
    content: { "application/json": { schema: schemaRef("AuthError"), examples: exampleRefs("AuthInternalError") } },
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
    headers: { "Retry-After": headerRef("RetryAfterRateLimit"), "X-Retry-After": headerRef("X-Retry-After"), "X-Request-Id": headerRef("X-Request-Id") },
    content: { "application/json": { schema: schemaRef("AuthError"), examples: exampleRefs(...examples) } },
  };
}
