import { z } from "zod";
import { errorCodes, fieldErrorTypes, type ErrorCode, type FieldError } from "@/lib/errors";
import { TaskResponse } from "@/lib/tasks/schema";

/**
 * The error envelope on the wire, as Zod schemas: the error mapper's body type, the OpenAPI
 * document's `ErrorResponse` and `ValidationError` schemas and the UI's error handling all come from here.
 * Never imports anything server-only.
 */

const codes = Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]];

export const FieldErrorBody = z.strictObject({
  loc: z.array(z.union([z.string(), z.int()])).min(1),
  msg: z.string().min(1),
  type: z.enum(fieldErrorTypes),
}) satisfies z.ZodType<FieldError>;

export const ErrorBody = z.strictObject({
  detail: z.string().min(1),
  error_code: z.enum(codes),
  timestamp: z.iso.datetime(),
});

/** Every VALIDATION_ERROR (400, 413, 415, 422): the envelope plus one `{loc, msg, type}` entry per problem. */
export const ValidationErrorBody = ErrorBody.extend({
  error_code: z.literal("VALIDATION_ERROR"),
  errors: z.array(FieldErrorBody).min(1),
});

/** A 412: the envelope plus the task as it is now (its `ETag` is in the response's header). */
export const PreconditionFailedBody = ErrorBody.extend({
  error_code: z.literal("PRECONDITION_FAILED"),
  task: TaskResponse,
});

/** The envelope alone, its `error_code` narrowed to the codes of one kind of error. */
const envelopeOf = <const C extends ErrorCode>(...codes: [C, ...C[]]) => ErrorBody.extend({ error_code: z.enum(codes) });

export const UnauthorizedBody = envelopeOf("AUTH_MISSING", "AUTH_INVALID");
export const ForbiddenBody = envelopeOf("AUTH_FORBIDDEN");
export const NotFoundBody = envelopeOf("NOT_FOUND");
export const MethodNotAllowedBody = envelopeOf("METHOD_NOT_ALLOWED");
export const ConflictBody = envelopeOf("IDEMPOTENCY_KEY_IN_USE", "TASK_LIMIT_REACHED");
export const IdempotencyKeyReusedBody = envelopeOf("IDEMPOTENCY_KEY_REUSED");
export const RateLimitedBody = envelopeOf("RATE_LIMITED");
export const ServerErrorBody = envelopeOf("DATABASE_ERROR", "INTERNAL_ERROR");

/** A create's 422: the body breaks the schema, or its Idempotency-Key was used with another body. */
export const CreateInvalidBody = z.discriminatedUnion("error_code", [ValidationErrorBody, IdempotencyKeyReusedBody]);

/** Any error of the task API: one shape per `error_code`, so a client narrows on it. */
export const ErrorResponseBody = z.discriminatedUnion("error_code", [
  ValidationErrorBody,
  UnauthorizedBody,
  ForbiddenBody,
  NotFoundBody,
  MethodNotAllowedBody,
  ConflictBody,
  PreconditionFailedBody,
  IdempotencyKeyReusedBody,
  RateLimitedBody,
  ServerErrorBody,
]);

/** What the error mapper sends: the envelope, with `errors` on a VALIDATION_ERROR. */
export type ErrorBodyJson = z.infer<typeof ErrorBody> & { errors?: z.infer<typeof FieldErrorBody>[] };
