import { z } from "zod";
import { CleanupReport } from "@/lib/cleanup-report";
import {
  ConflictBody,
  ErrorBody,
  CreateInvalidBody,
  ErrorResponseBody,
  FieldErrorBody,
  ForbiddenBody,
  IdempotencyKeyReusedBody,
  MethodNotAllowedBody,
  NotFoundBody,
  PreconditionFailedBody,
  RateLimitedBody,
  ServerErrorBody,
  UnauthorizedBody,
  ValidationErrorBody,
} from "@/lib/error-schema";
import {
  AuthError,
  AuthUser,
  ChangeEmailRequest,
  ChangePasswordRequest,
  ChangePasswordResponse,
  DeleteUserRequest,
  DeleteUserResponse,
  JsonWebKeySet,
  RequestPasswordResetRequest,
  ResetPasswordRequest,
  RevokeSessionRequest,
  SendVerificationEmailRequest,
  SessionList,
  SessionResponse,
  SignInEmailRequest,
  SignInResponse,
  SignOutResponse,
  SignUpEmailRequest,
  SignUpResponse,
  StatusMessageResponse,
  StatusResponse,
  TokenResponse,
  UpdateUserRequest,
  VerifyEmailResponse,
} from "@/lib/openapi/auth-schemas";
import { withErrorCodeDiscriminators } from "@/lib/openapi/discriminators";
import {
  Description,
  TaskCreate,
  TaskExport,
  TaskListResponse,
  TaskPatch,
  TaskResponse,
  TaskUpdate,
  Title,
} from "@/lib/tasks/schema";

/**
 * `components.schemas` of the OpenAPI document, generated from the Zod schemas the API itself
 * validates and serialises with (`z.toJSONSchema`); nothing here restates a field by hand.
 * Request bodies are rendered as input schemas, responses as output schemas.
 */

export const HealthResponse = z.strictObject({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["ok", "unavailable"]),
});

// Each member of the document is an OpenAPI object; clients read them as open JSON objects.
const OpenApiObject = z.looseObject({});

/** GET /api/openapi.json: this document, typed as far as a client reads it. */
export const OpenApiDocumentBody = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string(), description: z.string().optional() }),
  servers: z.array(z.looseObject({ url: z.string(), description: z.string().optional(), variables: z.record(z.string(), OpenApiObject).optional() })).optional(),
  tags: z.array(z.looseObject({ name: z.string(), description: z.string().optional() })).optional(),
  paths: z.record(z.string(), OpenApiObject),
  components: z.record(z.string(), z.record(z.string(), OpenApiObject)).optional(),
});

type Meta = { id?: string; description?: string; minProperties?: number };
type Entry = [z.ZodType, Meta];

// Descriptions of fields shared by several schemas (looked up by schema instance).
const fieldDocs: Entry[] = [
  [Title, { description: "Trimmed; 1–200 characters after trimming (blank is invalid); no NUL characters." }],
  [Description, { description: "At most 1000 characters, or null; no NUL characters." }],
  [TaskResponse.shape.id, { description: "Server-assigned task id: a positive integer, at most 2^53 − 1 (exact in every JSON parser)." }],
  [TaskResponse.shape.user_id, { description: "The owner's user id." }],
  [TaskResponse.shape.created_at, { description: "ISO 8601, UTC (`Z`), millisecond precision." }],
  [TaskResponse.shape.updated_at, { description: "Advances on every change." }],
  [ErrorBody.shape.detail, { description: "A human-readable message; never a stack trace, SQL or driver message." }],
  ...[ErrorBody, ValidationErrorBody, UnauthorizedBody, ForbiddenBody, NotFoundBody, MethodNotAllowedBody, ConflictBody, PreconditionFailedBody, IdempotencyKeyReusedBody, RateLimitedBody, ServerErrorBody].map(
    (body): Entry => [body.shape.error_code, { description: "Stable code to match on (see the table in the API description)." }],
  ),
  [
    FieldErrorBody.shape.type,
    {
      description:
        "The kind of problem, in pydantic v2's vocabulary (what a FastAPI client reads): `missing`, `extra_forbidden` (unknown field or parameter), `json_invalid`, `string_type`, `bool_type`, `string_too_short`, `string_too_long`, `string_pattern_mismatch`, `int_parsing`, `greater_than_equal`, `less_than_equal`, `enum`, `value_error` (anything else, e.g. an invalid `cursor`), ….",
    },
  ],
  [FieldErrorBody.shape.loc, { description: 'Where the problem is, e.g. `["body", "title"]`, `["path", "task_id"]`, `["query", "limit"]` or `["header", "Idempotency-Key"]`.' }],
  [TaskListResponse.shape.count, { description: "How many tasks match the filter (`complete`, `q`), on all pages together." }],
  [OpenApiDocumentBody.shape.paths, { description: "Path Item Objects by path template." }],
  [OpenApiDocumentBody.shape.components, { description: "Schemas, parameters, headers, responses, … by name." }],
  [TaskListResponse.shape.next_cursor, { description: "Opaque: pass it as `cursor` for the next page (same query otherwise); null on the last page." }],
];

const requestBodies: Entry[] = [
  [TaskCreate, { id: "TaskCreate", description: "A new task. Unknown fields are rejected (422), never ignored." }],
  [TaskUpdate, { id: "TaskUpdate", description: "The whole task (PUT): `title` and `complete` required; an omitted `description` becomes null." }],
  // At least one field: an empty object is a 400 (lib/api/request-body.ts requireSomeField).
  [TaskPatch, { id: "TaskPatch", description: "Any of the fields (PATCH); at least one is required.", minProperties: 1 }],
  [SignUpEmailRequest, { id: "SignUpEmailRequest" }],
  [SignInEmailRequest, { id: "SignInEmailRequest" }],
  [RequestPasswordResetRequest, { id: "RequestPasswordResetRequest" }],
  [ResetPasswordRequest, { id: "ResetPasswordRequest" }],
  [SendVerificationEmailRequest, { id: "SendVerificationEmailRequest" }],
  [UpdateUserRequest, { id: "UpdateUserRequest" }],
  [ChangePasswordRequest, { id: "ChangePasswordRequest" }],
  [ChangeEmailRequest, { id: "ChangeEmailRequest" }],
  [RevokeSessionRequest, { id: "RevokeSessionRequest" }],
  [DeleteUserRequest, { id: "DeleteUserRequest" }],
];

const responseBodies: Entry[] = [
  [TaskResponse, { id: "TaskResponse", description: "A task, exactly these fields." }],
  [TaskExport, { id: "TaskExport", description: "The JSON export: every task of the user, oldest first, in the API's task shape." }],
  [TaskListResponse, { id: "TaskListResponse", description: "A page of the user's tasks (by default newest first, id descending), their number and the next page's cursor." }],
  [ErrorResponseBody, { id: "ErrorResponse", description: "Any error of the task API, told apart by `error_code`: each response names the one schema it sends." }],
  [ValidationErrorBody, { id: "ValidationError", description: "`VALIDATION_ERROR` (400, 413, 415, 422): the envelope plus one entry per problem." }],
  [FieldErrorBody, { id: "FieldError", description: "One problem with the request." }],
  [UnauthorizedBody, { id: "UnauthorizedError", description: "A 401: no token, or one that is not valid." }],
  [ForbiddenBody, { id: "ForbiddenError", description: "A 403: not yours, or a page of an untrusted origin." }],
  [NotFoundBody, { id: "NotFoundError", description: "A 404." }],
  [MethodNotAllowedBody, { id: "MethodNotAllowedError", description: "A 405." }],
  [ConflictBody, { id: "ConflictError", description: "A 409 of a create." }],
  [PreconditionFailedBody, { id: "PreconditionFailed", description: "A 412: the envelope plus the current version of the task." }],
  [IdempotencyKeyReusedBody, { id: "IdempotencyKeyReusedError", description: "A 422: the `Idempotency-Key` was used with another body." }],
  [CreateInvalidBody, { id: "CreateInvalidError", description: "A create's 422: the body breaks the schema, or the `Idempotency-Key` was used with another body." }],
  [RateLimitedBody, { id: "RateLimitedError", description: "A 429." }],
  [ServerErrorBody, { id: "ServerError", description: "A 500." }],
  [AuthError, { id: "AuthError", description: "An error from a Better Auth endpoint: the envelope plus Better Auth's own fields." }],
  [AuthUser, { id: "AuthUser" }],
  [SignUpResponse, { id: "SignUpResponse" }],
  [SignInResponse, { id: "SignInResponse" }],
  [TokenResponse, { id: "TokenResponse" }],
  [SessionResponse, { id: "SessionResponse" }],
  [SignOutResponse, { id: "SignOutResponse" }],
  [StatusResponse, { id: "StatusResponse" }],
  [StatusMessageResponse, { id: "StatusMessageResponse" }],
  [ChangePasswordResponse, { id: "ChangePasswordResponse" }],
  [VerifyEmailResponse, { id: "VerifyEmailResponse" }],
  [SessionList, { id: "SessionList" }],
  [DeleteUserResponse, { id: "DeleteUserResponse" }],
  [JsonWebKeySet, { id: "JsonWebKeySet", description: "The public keys that verify access tokens." }],
  [HealthResponse, { id: "HealthResponse" }],
  [OpenApiDocumentBody, { id: "OpenApiDocument", description: "An OpenAPI 3.1 document: its members are OpenAPI objects, open to what the specification allows." }],
  [CleanupReport, { id: "CleanupReport", description: "Rows deleted per table by one run of the cleanup; `complete` is false when rows were left for the next run." }],
];

/** A generated JSON Schema as an OpenAPI Schema Object: without its own dialect and id. */
export function asSchemaObject(jsonSchema: Record<string, unknown>): Record<string, unknown> {
  const schema = { ...jsonSchema };
  delete schema.$schema;
  delete schema.$id;
  return schema;
}

function generate(entries: Entry[], io: "input" | "output"): Record<string, Record<string, unknown>> {
  const registry = z.registry<Meta>();
  for (const [schema, meta] of [...fieldDocs, ...entries]) registry.add(schema, meta);
  const { schemas } = z.toJSONSchema(registry, { io, metadata: registry, uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, asSchemaObject(schema)]));
}

export function componentSchemas(): Record<string, Record<string, unknown>> {
  return withErrorCodeDiscriminators({ ...generate(requestBodies, "input"), ...generate(responseBodies, "output") });
}
