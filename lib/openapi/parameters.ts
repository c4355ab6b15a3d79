import { z } from "zod";
import { asSchemaObject } from "@/lib/openapi/schemas";
import { IdempotencyKey, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, TaskExportQuery, TaskIdNumber, TaskListQuery } from "@/lib/tasks/schema";

/** `components.parameters`: path, query and header parameters, from the Zod contract where it has them. */

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
