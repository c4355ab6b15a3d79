import path from "node:path";

/**
 * tests/openapi-client/task-client.ts, loaded at run time. It is compiled only against the types
 * generated from the OpenAPI document, by its own tsconfig (tests/api/openapi-client.test.ts):
 * a static import would pull it into the app's type-check, where those types do not exist.
 */
export interface TaskClient {
  runTaskClient: (baseUrl: string, fetch?: (request: Request) => Promise<Response>) => Promise<string[]>;
  TASK_CLIENT_STEPS: string[];
}

export const TASK_CLIENT_DIR = path.join(import.meta.dirname, "../openapi-client");

export async function loadTaskClient(): Promise<TaskClient> {
  return (await import(/* @vite-ignore */ path.join(TASK_CLIENT_DIR, "task-client.ts"))) as TaskClient;
}
