import { ApiError, errorFromResponse } from "@/lib/client/api-error";
import type { TokenStore } from "@/lib/client/token-store";
import type { TaskCreateInput, TaskListQueryInput, TaskListResponseBody, TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";
import { etagOf } from "@/lib/tasks/task-etag";

/** The list's query parameters; those left out take the API's defaults. */
export type TaskListParams = Partial<TaskListQueryInput>;

export interface TaskApi {
  /** One page of the list: a filter, search and sort, `limit` tasks from `cursor` on. */
  list(params?: TaskListParams): Promise<TaskListResponseBody>;
  /**
   * Never retried (a lost response would make a duplicate). The Idempotency-Key is fresh per call
   * unless given: it covers only this call's re-send after a 401. Callers that retry pass one key
   * to every attempt; the task form's pending state is what stops a double submit.
   */
  create(input: TaskCreateInput, idempotencyKey?: string): Promise<TaskResponseBody>;
  /** Conditional on the version the user saw (If-Match): a change made elsewhere meanwhile is a 412, never overwritten. */
  update(task: TaskResponseBody, changes: TaskPatchInput): Promise<TaskResponseBody>;
  remove(task: TaskResponseBody): Promise<void>;
}

/** `?complete=…&q=…` in a fixed order, leaving out what is not given. */
export function listSearch(params: TaskListParams): string {
  const search = new URLSearchParams();
  for (const name of ["complete", "q", "sort", "order", "limit", "cursor"] as const) {
    const value = params[name];
    if (value !== undefined && value !== "") search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `?${query}` : "";
}

interface TaskApiOptions {
  userId: string;
  tokens: TokenStore;
  fetch?: typeof fetch;
}

/**
 * The browser's client of the public task API: the documented endpoints with
 * `Authorization: Bearer <jwt>`, like any other client. A 401 gets one retry with a fresh token;
 * a second 401 is thrown for the page to send the user to sign in. Only types are imported from
 * the schema module: the API already passes every response through its output schema, and
 * loading Zod here would put it on the task page's first load (see components/tasks/load-task-schemas.ts).
 */
export function createTaskApi({ userId, tokens, fetch: customFetch }: TaskApiOptions): TaskApi {
  const doFetch = customFetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const base = `/api/${encodeURIComponent(userId)}/tasks`;

  async function attempt(method: string, path: string, token: string, body: unknown, extra: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = { ...extra, authorization: `Bearer ${token}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    try {
      return await doFetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        // The API ignores cookies; not sending them keeps this an ordinary Bearer client.
        credentials: "omit",
        cache: "no-store",
      });
    } catch {
      throw ApiError.network();
    }
  }

  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const token = await tokens.get();
    let response = await attempt(method, path, token, body, headers);
    if (response.status === 401) {
      tokens.invalidate(token);
      response = await attempt(method, path, await tokens.get(), body, headers);
    }
    return response;
  }

  async function json<T>(response: Response): Promise<T> {
    if (!response.ok) throw await errorFromResponse(response);
    return (await response.json()) as T;
  }

  return {
    async list(params = {}) {
      return json<TaskListResponseBody>(await send("GET", `${base}${listSearch(params)}`));
    },
    async create(input, idempotencyKey = crypto.randomUUID()) {
      return json<TaskResponseBody>(await send("POST", base, input, { "idempotency-key": idempotencyKey }));
    },
    async update(task, changes) {
      return json<TaskResponseBody>(await send("PATCH", `${base}/${task.id}`, changes, { "if-match": etagOf(task) }));
    },
    async remove(task) {
      const response = await send("DELETE", `${base}/${task.id}`, undefined, { "if-match": etagOf(task) });
      // A retried DELETE whose first attempt went through finds nothing left: the goal is met.
      if (response.ok || response.status === 404) return;
      throw await errorFromResponse(response);
    },
  };
}
