import { z } from "zod";
import { errorCodes, type ErrorCode } from "@/lib/errors";
import type { ExampleName } from "@/lib/openapi/examples";
import { asSchemaObject } from "@/lib/openapi/schemas";

/**
 * Reusable parts of the OpenAPI document that the operations (JSDoc on the route handlers)
 * refer to: security schemes, path parameters, headers and the error responses.
 */

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });
const exampleRefs = (...names: ExampleName[]) =>
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
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
    description: "The session cookie set by sign-up and sign-in. Browsers send it by themselves; it does not authenticate task requests.",
  },
};

// The path's `task_id` as clients send it: what lib/tasks/schema.ts TaskId accepts (a test checks).
export const TaskIdParameter = z.int32().min(1);

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
    description: "The task's id. Anything but a positive integer up to 2147483647 is a 422.",
    schema: asSchemaObject(z.toJSONSchema(TaskIdParameter)),
    example: 42,
  },
};

export const headers = {
  "X-Request-Id": {
    description: "The request's id: a sane inbound `X-Request-Id` is echoed, otherwise a UUID is generated. It is in the request's log line.",
    required: true,
    schema: { type: "string", pattern: "^[A-Za-z0-9._:@-]{1,128}$" },
  },
  Location: { description: "Path of the new task.", required: true, schema: { type: "string" }, example: "/api/r52qfLsfv3UTmI616zevb0j5Mkk09vcy/tasks/42" },
  "WWW-Authenticate": { description: "Always `Bearer`.", required: true, schema: { type: "string" }, example: 'Bearer realm="todo-next"' },
  Allow: { description: "The methods this path serves.", required: true, schema: { type: "string" }, example: "GET, POST" },
  "Retry-After": { description: "Seconds to wait before retrying (with `DATABASE_ERROR`).", schema: { type: "integer", minimum: 1 } },
  "X-Retry-After": { description: "Seconds until the rate limit window ends.", required: true, schema: { type: "integer", minimum: 0 } },
  "Set-Cookie": {
    description: "The session cookie (`better-auth.session_token`, HttpOnly, SameSite=Lax). Browsers keep it; with curl use `-c cookies.txt`.",
    required: true,
    schema: { type: "string" },
  },
  "set-auth-jwt": { description: "A fresh access token for the session (the same JWT `GET /api/auth/token` returns).", schema: { type: "string" } },
};

/** The error codes a status can carry (VALIDATION_ERROR is also sent as 400, 413 and 415). */
function codesFor(status: number): ErrorCode[] {
  if (status === 400 || status === 413 || status === 415) return ["VALIDATION_ERROR"];
  return (Object.keys(errorCodes) as ErrorCode[]).filter((code) => errorCodes[code] === status);
}

function errorResponse(
  status: number,
  description: string,
  examples: ExampleName[],
  extraHeaders: string[] = [],
  schema = "Error",
) {
  return {
    description,
    headers: Object.fromEntries(["X-Request-Id", ...extraHeaders].map((name) => [name, headerRef(name)])),
    content: {
      "application/json": {
        schema: { allOf: [schemaRef(schema), { properties: { error_code: { enum: codesFor(status) } } }] },
        examples: exampleRefs(...examples),
      },
    },
  };
}

/** An error of a Better Auth endpoint: the envelope plus Better Auth's `{message, code}`. */
function authErrorResponse(description: string, examples: ExampleName[], extraHeaders: string[] = []) {
  return {
    description,
    headers: Object.fromEntries(["X-Request-Id", ...extraHeaders].map((name) => [name, headerRef(name)])),
    content: { "application/json": { schema: schemaRef("AuthError"), examples: exampleRefs(...examples) } },
  };
}

export const responses = {
  BadRequest: errorResponse(400, "`VALIDATION_ERROR`: the body is empty or not valid JSON.", ["MalformedJson", "EmptyBody"]),
  PatchBadRequest: errorResponse(400, "`VALIDATION_ERROR`: the body is empty, not valid JSON, or names no field.", ["NoFields", "MalformedJson", "EmptyBody"]),
  Unauthorized: errorResponse(
    401,
    "`AUTH_MISSING`: no `Authorization: Bearer` header. `AUTH_INVALID`: the token is malformed, forged, expired, or has the wrong algorithm, issuer or audience.",
    ["AuthMissing", "AuthInvalid"],
    ["WWW-Authenticate"],
  ),
  Forbidden: errorResponse(403, "`AUTH_FORBIDDEN`: `{user_id}` is not the token's user.", ["ForbiddenUser"]),
  TaskForbidden: errorResponse(403, "`AUTH_FORBIDDEN`: `{user_id}` is not the token's user, or the task belongs to another user (nothing of it is read or changed).", [
    "ForbiddenUser",
    "ForbiddenTask",
  ]),
  NotFound: errorResponse(404, "`NOT_FOUND`: no such task (also after it was deleted).", ["NotFound"]),
  MethodNotAllowed: errorResponse(405, "`METHOD_NOT_ALLOWED`: the path does not serve this method; `Allow` lists those it does.", ["MethodNotAllowed"], ["Allow"]),
  PayloadTooLarge: errorResponse(413, "`VALIDATION_ERROR`: the body is over 64 KiB.", ["TooLarge"]),
  UnsupportedMediaType: errorResponse(415, "`VALIDATION_ERROR`: the body is not `application/json`.", ["NotJson"]),
  BodyInvalid: errorResponse(
    422,
    "`VALIDATION_ERROR`: well-formed JSON that breaks the schema (one `errors` entry per problem; an unknown field is named).",
    ["BlankTitle", "UnknownField"],
    [],
    "ValidationError",
  ),
  ValidationFailed: errorResponse(
    422,
    "`VALIDATION_ERROR`: well-formed JSON that breaks the schema (one `errors` entry per problem; an unknown field is named), or a bad `task_id`.",
    ["BlankTitle", "UnknownField", "BadTaskId"],
    [],
    "ValidationError",
  ),
  TaskIdInvalid: errorResponse(422, "`VALIDATION_ERROR`: `task_id` is not a positive integer in range.", ["BadTaskId"], [], "ValidationError"),
  ServerError: errorResponse(
    500,
    "`DATABASE_ERROR` (with `Retry-After`): the database failed or did not answer in time. `INTERNAL_ERROR`: anything else. Never a stack trace, SQL or driver message.",
    ["DatabaseError", "InternalError"],
    ["Retry-After"],
  ),
  AuthBadRequest: authErrorResponse("`VALIDATION_ERROR`: a missing or invalid field (the email's format, the password's length) or malformed JSON.", [
    "InvalidEmail",
    "PasswordTooShort",
  ]),
  AuthInvalidOrigin: authErrorResponse(
    "`AUTH_FORBIDDEN` (production only): the request carries the session cookie but its `Origin` header is missing or not a trusted origin. Browsers send `Origin` by themselves; with curl add `-H \"Origin: <this server>\"`.",
    ["InvalidOrigin", "MissingOrigin"],
  ),
  AuthNoSession: authErrorResponse("`AUTH_INVALID`: no valid session cookie.", ["NoSessionError"], ["WWW-Authenticate"]),
  AuthServerError: {
    description: "`INTERNAL_ERROR`: an unexpected error in Better Auth, or `DATABASE_ERROR`.",
    headers: { "X-Request-Id": headerRef("X-Request-Id") },
    content: { "application/json": { schema: schemaRef("AuthError"), examples: exampleRefs("AuthInternalError") } },
  },
  RateLimited: {
    description: "Too many requests from this address (Better Auth's limiter, in production: 3 sign-ins or sign-ups per 10 s). The body is Better Auth's own, sent as text.",
    headers: { "X-Retry-After": headerRef("X-Retry-After"), "X-Request-Id": headerRef("X-Request-Id") },
    content: { "text/plain": { schema: { type: "string" }, examples: exampleRefs("RateLimited") } },
  },
};
