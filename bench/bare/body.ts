import type { IncomingMessage } from "node:http";

/**
 * The bare server's request-body rules, written out by hand: the same checks the app's Zod
 * schemas make (lib/tasks/schema.ts, lib/api/request-body.ts), so the bare server does the same
 * work per request and refuses what the app refuses. Only the bench calls it.
 */

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: { loc: string[]; msg: string }[],
  ) {
    super(message);
  }
}

const MAX_BODY_BYTES = 64 * 1024;
const JSON_MEDIA_TYPE = /^application\/([\w.+-]+\+)?json$/;

export type Fields = { title?: string; description?: string | null; complete?: boolean };
type Shape = "create" | "replace" | "patch";

const allowedKeys: Record<Shape, ReadonlySet<string>> = {
  create: new Set(["title", "description"]),
  replace: new Set(["title", "description", "complete"]),
  patch: new Set(["title", "description", "complete"]),
};

function invalid(message: string, field?: string): HttpError {
  const errors = [{ loc: field ? ["body", field] : ["body"], msg: message }];
  return new HttpError(422, "VALIDATION_ERROR", `Validation failed: ${message}`, errors);
}

async function readBytes(request: IncomingMessage): Promise<Buffer> {
  if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
    throw new HttpError(413, "VALIDATION_ERROR", `Request body must be at most ${MAX_BODY_BYTES} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "VALIDATION_ERROR", `Request body must be at most ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function title(value: unknown): string {
  if (typeof value !== "string") throw invalid("title must be a string", "title");
  const trimmed = value.trim();
  if (trimmed.length === 0) throw invalid("title must not be blank", "title");
  if (trimmed.length > 200) throw invalid("title must be at most 200 characters", "title");
  if (trimmed.includes("\u0000")) throw invalid("title must not contain NUL characters", "title");
  return trimmed;
}

function description(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== "string") throw invalid("description must be a string or null", "description");
  if (value.length > 1000) throw invalid("description must be at most 1000 characters", "description");
  if (value.includes("\u0000")) throw invalid("description must not contain NUL characters", "description");
  return value;
}

/** Reads and validates a task body: 400 / 413 / 415 / 422 exactly where the app answers them. */
export async function readTaskBody(request: IncomingMessage, shape: Shape): Promise<Fields> {
  const bytes = await readBytes(request);
  if (bytes.length === 0) throw new HttpError(400, "VALIDATION_ERROR", "Request body is required (a JSON object).");
  const mediaType = request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new HttpError(415, "VALIDATION_ERROR", "Request body must be JSON: send Content-Type: application/json.");
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError(400, "VALIDATION_ERROR", "Request body is not valid JSON.");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw invalid("expected an object");
  const body = json as Record<string, unknown>;
  for (const key of Object.keys(body)) if (!allowedKeys[shape].has(key)) throw invalid(`Unknown field '${key}'.`, key);
  const fields: Fields = {};
  if (shape !== "patch" || "title" in body) fields.title = title(body.title);
  if ("description" in body) fields.description = description(body.description);
  else if (shape === "replace") fields.description = null;
  if (shape === "replace" || "complete" in body) {
    if (typeof body.complete !== "boolean") throw invalid("complete must be true or false", "complete");
    fields.complete = body.complete;
  }
  if (shape === "patch" && Object.keys(fields).length === 0) {
    throw new HttpError(400, "VALIDATION_ERROR", "At least one field must be provided.");
  }
  return fields;
}
