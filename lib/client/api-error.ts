import type { TaskResponseBody } from "@/lib/tasks/schema";

/**
 * A failed call to the API as the browser sees it: the HTTP status (0 when the request never got
 * an answer), the envelope's `error_code` and `detail`, and its per-field messages keyed by field
 * name (`{"loc": ["body", "title"]}` → `title`). Client-safe.
 */
export class ApiError extends Error {
  override name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly detail: string,
    readonly fieldErrors: Readonly<Record<string, string>> = {},
    /** With a 412 PRECONDITION_FAILED: the task as it is now on the server. */
    readonly current?: TaskResponseBody,
  ) {
    super(detail);
  }

  /** The request failed before any response (offline, DNS, connection reset). */
  static network(): ApiError {
    return new ApiError(0, "NETWORK_ERROR", "Could not reach the server. Check your connection and try again.");
  }
}

interface ErrorEnvelope {
  detail?: unknown;
  message?: unknown;
  error_code?: unknown;
  code?: unknown;
  errors?: unknown;
  task?: unknown;
}

function fieldErrorsOf(errors: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Array.isArray(errors)) return fields;
  for (const entry of errors as { loc?: unknown; msg?: unknown }[]) {
    if (!Array.isArray(entry?.loc) || typeof entry.msg !== "string") continue;
    const [where, field] = entry.loc as unknown[];
    // The first message for a field is the one shown next to it.
    if (where === "body" && typeof field === "string" && !(field in fields)) fields[field] = entry.msg;
  }
  return fields;
}

/** Reads the API's error envelope (or Better Auth's `{code, message}`) from a failed response. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: ErrorEnvelope = {};
  try {
    const parsed: unknown = await response.json();
    if (parsed && typeof parsed === "object") body = parsed as ErrorEnvelope;
  } catch {
    // A proxy's HTML error page or an empty body: the status alone has to do.
  }
  const detail =
    (typeof body.detail === "string" && body.detail) ||
    (typeof body.message === "string" && body.message) ||
    `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`;
  const code = typeof body.error_code === "string" ? body.error_code : typeof body.code === "string" ? body.code : undefined;
  const current = response.status === 412 && body.task && typeof body.task === "object" ? (body.task as TaskResponseBody) : undefined;
  return new ApiError(response.status, code, detail, fieldErrorsOf(body.errors), current);
}

/** The server's newer version of a task, when a conditional write found it changed (412). */
export function newerVersion(error: unknown): TaskResponseBody | undefined {
  return error instanceof ApiError && error.status === 412 ? error.current : undefined;
}

/** Worth trying again: no answer at all, or the server's own failure. Never a 4xx. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/** The sentence a person sees for a failed call. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Please try again.";
  if (error.status === 403) return "Access denied.";
  if (error.status === 401) return "Your session has ended. Please sign in again.";
  return error.detail;
}
