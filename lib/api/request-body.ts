import "server-only";
import type { z } from "zod";
import { parseRequestValue } from "@/lib/api/field-errors";
import { AppError, type FieldErrorType } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The body as a whole is unusable (400; 413 too large, 415 not JSON): like every VALIDATION_ERROR
 * it has `errors`, here one entry at `["body"]` that says how.
 */
export function badBody(message: string, type: FieldErrorType, status: 400 | 413 | 415 = 400): AppError {
  return new AppError("VALIDATION_ERROR", message, { status, errors: [{ loc: ["body"], msg: message, type }] });
}

/**
 * Reads the body as bytes, stopping as soon as it passes `maxBytes` (a huge body is not buffered).
 * A Content-Length past the limit is refused before a byte is read.
 */
export async function readLimited(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => badBody(`Request body must be at most ${maxBytes} bytes.`, "bytes_too_long", 413);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
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
 * Parses a JSON request body against a schema. 400 for an empty or malformed body, 413 past
 * 64 KiB, 415 for a body that is not JSON, 422 (one entry per problem) for a schema violation.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const bytes = await readLimited(request);
  if (bytes.byteLength === 0) throw badBody("Request body is required (a JSON object).", "missing");
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    // What FastAPI answers for a body that is not declared JSON: it cannot be read as an object.
    throw badBody("Request body must be JSON: send Content-Type: application/json.", "model_attributes_type", 415);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw badBody("Request body is not valid JSON.", "json_invalid");
  }
  return parseRequestValue(schema, json, "body");
}

/** PATCH: a body that names no field at all is a 400, not a no-op. */
export function requireSomeField<T extends object>(input: T): T {
  if (Object.keys(input).length === 0) throw badBody("At least one field must be provided.", "value_error");
  return input;
}
