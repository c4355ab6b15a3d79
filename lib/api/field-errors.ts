import "server-only";
import type { z } from "zod";
import { AppError, fieldErrorTypes, type FieldError, type FieldErrorType } from "@/lib/errors";

type Issue = z.core.$ZodIssue;
// Where a value came from: the HTTP request, or an MCP tool call's arguments.
type Root = "body" | "path" | "query" | "header" | "arguments";

const typeOfExpected: Partial<Record<string, FieldErrorType>> = {
  string: "string_type",
  boolean: "bool_type",
  object: "model_attributes_type",
};

const isFieldErrorType = (value: unknown): value is FieldErrorType => fieldErrorTypes.includes(value as FieldErrorType);

/**
 * The one mapping from a Zod issue to pydantic v2's error type. A refinement names its own type
 * in `params.type` (e.g. `int_parsing` for a path or query integer that is not one).
 */
export function fieldErrorType(issue: Issue): FieldErrorType {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "missing" : (typeOfExpected[issue.expected] ?? "value_error");
    case "too_small":
      if (issue.origin === "string") return "string_too_short";
      return issue.inclusive === false ? "greater_than" : "greater_than_equal";
    case "too_big":
      if (issue.origin === "string") return "string_too_long";
      return issue.inclusive === false ? "less_than" : "less_than_equal";
    case "invalid_format":
      return issue.format === "regex" ? "string_pattern_mismatch" : "value_error";
    case "invalid_value":
      return issue.values.length === 1 ? "literal_error" : "enum";
    case "unrecognized_keys":
      return "extra_forbidden";
    case "custom":
      return isFieldErrorType(issue.params?.type) ? issue.params.type : "value_error";
    default:
      return "value_error";
  }
}

/** Zod issues as `{loc, msg, type}` entries; an unknown key gets an entry of its own, naming it. */
export function toFieldErrors(error: z.ZodError, root: Root): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        loc: [root, ...issue.path.map(String), key],
        msg: `Unknown field '${key}'.`,
        type: "extra_forbidden" as const,
      }));
    }
    const type = fieldErrorType(issue);
    const msg = type === "missing" ? `${issue.path.join(".")} is required` : issue.message;
    return [{ loc: [root, ...issue.path.map(String)], msg, type }];
  });
}

/**
 * Parses a request value (body, query, path parameter, header) or throws the 422 naming each
 * problem. Zod reports each issue's input (`reportInput`), so that a missing value (`missing`) is
 * told apart from one of the wrong type; inputs never reach the response.
 */
export function parseRequestValue<S extends z.ZodType>(schema: S, value: unknown, root: Root): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw validationFailed(toFieldErrors(result.error, root));
  return result.data;
}

export function validationFailed(errors: FieldError[]): AppError {
  const first = errors[0];
  const detail = errors.length === 1 && first ? `Validation failed: ${first.msg}` : `Validation failed: ${errors.length} problems.`;
  return new AppError("VALIDATION_ERROR", detail, { errors });
}
