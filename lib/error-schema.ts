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

/** What the error mapper sends: the envelope, with `errors` on a VALIDATION_ERROR. */
export type ErrorBodyJson = z.infer<typeof ErrorBody> & { errors?: z.infer<typeof FieldErrorBody>[] };
