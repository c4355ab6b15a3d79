import "server-only";
import type { z } from "zod";
import { AppError, type FieldError } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

function badRequest(status: 400 | 413 | 415, message: string): AppError {
  return new AppError("VALIDATION_ERROR", message, { status });
}

/**
 * Reads the body as bytes, stopping as soon as it passes the limit (a huge body is not
 * buffered): 413 VALIDATION_ERROR beyond MAX_BODY_BYTES.
 */
export async function readLimited(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw badRequest(413, `Request body must be at most ${MAX_BODY_BYTES} bytes.`);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw badRequest(413, `Request body must be at most ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The request with its body read (at most MAX_BODY_BYTES, 413 beyond), for a handler that reads it itself. */
export async function bufferedRequest(request: Request): Promise<Request> {
  const body = await readLimited(request);
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

function isJsonMediaType(contentType: string | null): boolean {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[\w.+-]+\+json$/.test(mediaType);
}

/**
 * Zod issues as `{loc, msg}` entries; an unknown key gets an entry of its own, naming it. A
 * missing field is "… is required": parse with `reportInput: true`, or every wrong type reads so.
 */
export function toFieldErrors(error: z.ZodError, root: "body" | "path" | "query" | "arguments"): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        loc: [root, ...issue.path.map(String), key],
        msg: `Unknown field '${key}'.`,
      }));
    }
    const msg = issue.code === "invalid_type" && issue.input === undefined ? `${issue.path.join(".")} is required` : issue.message;
    return [{ loc: [root, ...issue.path.map(String)], msg }];
  });
}

export function validationFailed(errors: FieldError[]): AppError {
  const first = errors[0];
  const detail = errors.length === 1 && first ? `Validation failed: ${first.msg}` : `Validation failed: ${errors.length} problems.`;
  return new AppError("VALIDATION_ERROR", detail, { errors });
}

/**
 * Parses a JSON request body against a schema. 400 for an empty or malformed body, 413 past
 * 64 KiB, 415 for a body that is not JSON, 422 (one entry per problem) for a schema violation.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const bytes = await readLimited(request);
  if (bytes.byteLength === 0) throw badRequest(400, "Request body is required (a JSON object).");
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    throw badRequest(415, "Request body must be JSON: send Content-Type: application/json.");
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw badRequest(400, "Request body is not valid JSON.");
  }
  const result = schema.safeParse(json, { reportInput: true });
  if (!result.success) throw validationFailed(toFieldErrors(result.error, "body"));
  return result.data;
}

/** PATCH: a body that names no field at all is a 400, not a no-op. */
export function requireSomeField<T extends object>(input: T): T {
  if (Object.keys(input).length === 0) throw badRequest(400, "At least one field must be provided.");
  return input;
}
