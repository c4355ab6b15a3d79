import { ApiError, errorFromResponse } from "@/lib/client/api-error";
import type { TokenStore } from "@/lib/client/token-store";
import type { TaskCreateInput, TaskListResponseBody, TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";

export interface TaskApi {
  list(): Promise<TaskListResponseBody>;
  create(input: TaskCreateInput): Promise<TaskResponseBody>;
  update(taskId: number, changes: TaskPatchInput): Promise<TaskResponseBody>;
  remove(taskId: number): Promise<void>;
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
 * loading Zod here would put it on the task page's first load (see components/tasks/validation.ts).
 */
export function createTaskApi({ userId, tokens, fetch: customFetch }: TaskApiOptions): TaskApi {
  const doFetch = customFetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const base = `/api/${encodeURIComponent(userId)}/tasks`;

  async function attempt(method: string, path: string, token: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
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

  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const token = await tokens.get();
    let response = await attempt(method, path, token, body);
    if (response.status === 401) {
      tokens.invalidate(token);
      response = await attempt(method, path, await tokens.get(), body);
    }
    return response;
  }

  async function json<T>(response: Response): Promise<T> {
    if (!response.ok) throw await errorFromResponse(response);
    return (await response.json()) as T;
  }

  return {
    async list() {
      return json<TaskListResponseBody>(await send("GET", base));
    },
    async create(input) {
      return json<TaskResponseBody>(await send("POST", base, input));
    },
    async update(taskId, changes) {
      return json<TaskResponseBody>(await send("PATCH", `${base}/${taskId}`, changes));
    },
    async remove(taskId) {
      const response = await send("DELETE", `${base}/${taskId}`);
      // A retried DELETE whose first attempt went through finds nothing left: the goal is met.
      if (response.ok || response.status === 404) return;
      throw await errorFromResponse(response);
    },
  };
}
