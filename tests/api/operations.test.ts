import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/logger";
import { call, createTask, signUp, tasksPath } from "../support/api";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("X-Request-Id", () => {
  it("echoes a sane inbound id and replaces an unsafe one", async () => {
    const user = await signUp();
    const echoed = await call("GET", tasksPath(user), { token: user.token, headers: { "x-request-id": "abc-123" } });
    expect(echoed.headers.get("x-request-id")).toBe("abc-123");
    const replaced = await call("GET", tasksPath(user), { token: user.token, headers: { "x-request-id": "bad id {} <script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const errorResponse = await call("GET", tasksPath(user));
    expect(errorResponse.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("request log", () => {
  it("one JSON line per API request with route pattern, status, duration, user and error code", async () => {
    const user = await signUp();
    const task = await createTask(user);
    const info = vi.spyOn(logger, "info");
    await call("GET", tasksPath(user, task.id), { token: user.token, headers: { "x-request-id": "log-test-1" } });
    await call("DELETE", tasksPath(user, 2_100_000_000), { token: user.token, headers: { "x-request-id": "log-test-2" } });
    await call("GET", tasksPath(user), { headers: { "x-request-id": "log-test-3" } });
    const lines = info.mock.calls.map(([entry]) => entry as unknown as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({
      request_id: "log-test-1",
      method: "GET",
      route: "/api/{user_id}/tasks/{task_id}",
      status: 200,
      duration_ms: expect.any(Number),
      user_id: user.id,
    });
    expect(lines[1]).toMatchObject({ request_id: "log-test-2", status: 404, user_id: user.id, error_code: "NOT_FOUND" });
    expect(lines[2]).toMatchObject({ request_id: "log-test-3", status: 401, error_code: "AUTH_MISSING" });
    expect(lines[2]).not.toHaveProperty("user_id");
  });
});
