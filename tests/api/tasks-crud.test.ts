import { describe, expect, it } from "vitest";
import { call, createTask, signUp, tasksPath } from "../support/api";

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const TASK_KEYS = ["complete", "created_at", "description", "id", "title", "updated_at", "user_id"];

describe("POST /api/{user_id}/tasks", () => {
  it("201 with the task, a Location header and server-set fields", async () => {
    const user = await signUp();
    const response = await call("POST", tasksPath(user), {
      token: user.token,
      body: { title: "  Buy milk  ", description: "2 litres" },
    });
    expect(response.status).toBe(201);
    expect(Object.keys(response.body).sort()).toEqual(TASK_KEYS);
    expect(response.body).toMatchObject({ user_id: user.id, title: "Buy milk", description: "2 litres", complete: false });
    expect(Number.isInteger(response.body.id)).toBe(true);
    expect(response.body.created_at).toMatch(ISO_UTC);
    expect(response.body.updated_at).toBe(response.body.created_at);
    expect(response.headers.get("location")).toBe(`/api/${user.id}/tasks/${response.body.id}`);
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("201 with description null when omitted or given as null", async () => {
    const user = await signUp();
    expect((await createTask(user, { title: "no description" })).description).toBeNull();
    expect((await createTask(user, { title: "null description", description: null })).description).toBeNull();
  });

  it("201 at the limits: 200-character title, 1000-character description", async () => {
    const user = await signUp();
    const task = await createTask(user, { title: "t".repeat(200), description: "d".repeat(1000) });
    expect(task.title).toHaveLength(200);
    expect(task.description).toHaveLength(1000);
  });

  it("422 VALIDATION_ERROR for a blank, missing, too long or non-string title", async () => {
    const user = await signUp();
    for (const [body, type] of [
      [{ title: "   " }, "string_too_short"],
      [{}, "missing"],
      [{ title: "t".repeat(201) }, "string_too_long"],
      [{ title: 5 }, "string_type"],
      [{ title: null }, "string_type"],
      [{ title: "a\u0000b" }, "value_error"],
    ] as const) {
      const response = await call("POST", tasksPath(user), { token: user.token, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error_code).toBe("VALIDATION_ERROR");
      expect(response.body.errors).toEqual([{ loc: ["body", "title"], msg: expect.any(String), type }]);
    }
  });

  it("422 names a missing title as required and a title of the wrong type as such", async () => {
    const user = await signUp();
    const missing = await call("POST", tasksPath(user), { token: user.token, body: { description: "x" } });
    expect(missing.body.errors).toEqual([{ loc: ["body", "title"], msg: "title is required", type: "missing" }]);
    const wrong = await call("POST", tasksPath(user), { token: user.token, body: { title: 5 } });
    expect(wrong.body.errors).toEqual([{ loc: ["body", "title"], msg: "title must be a string", type: "string_type" }]);
  });

  it("422 for a description over 1000 characters or of the wrong type", async () => {
    const user = await signUp();
    for (const description of ["d".repeat(1001), 42, ["x"]]) {
      const response = await call("POST", tasksPath(user), { token: user.token, body: { title: "ok", description } });
      expect(response.status).toBe(422);
      expect(response.body.errors[0].loc).toEqual(["body", "description"]);
    }
  });

  it("422 naming each unknown key (completed, user_id, id), never silently ignored", async () => {
    const user = await signUp();
    const response = await call("POST", tasksPath(user), {
      token: user.token,
      body: { title: "x", completed: true, user_id: "someone-else", id: 7 },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { loc: string[] }) => error.loc)).toEqual([
      ["body", "completed"],
      ["body", "user_id"],
      ["body", "id"],
    ]);
    const list = await call("GET", tasksPath(user), { token: user.token });
    expect(list.body.count).toBe(0);
  });

  it("422 for a JSON body that is not an object", async () => {
    const user = await signUp();
    for (const body of ["[]", "null", '"title"', "42"]) {
      const response = await call("POST", tasksPath(user), { token: user.token, body });
      expect(response.status, body).toBe(422);
      expect(response.body.error_code).toBe("VALIDATION_ERROR");
    }
  });

  it("400 VALIDATION_ERROR for malformed JSON and for an empty body", async () => {
    const user = await signUp();
    for (const body of ["{bad json", '{"title": "x"', ""]) {
      const response = await call("POST", tasksPath(user), {
        token: user.token,
        body,
        headers: { "content-type": "application/json" },
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ error_code: "VALIDATION_ERROR", detail: expect.any(String) });
    }
    const noBody = await call("POST", tasksPath(user), { token: user.token });
    expect(noBody.status).toBe(400);
  });

  it("400 for bytes that are not UTF-8", async () => {
    const user = await signUp();
    const request = new Request(`http://localhost:3000${tasksPath(user)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    const { POST } = await import("@/app/api/[user_id]/tasks/route");
    const response = await POST(request, { params: Promise.resolve({ user_id: user.id }) });
    expect(response.status).toBe(400);
  });

  it("415 VALIDATION_ERROR for a body that is not application/json", async () => {
    const user = await signUp();
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded"]) {
      const response = await call("POST", tasksPath(user), {
        token: user.token,
        body: '{"title":"x"}',
        headers: { "content-type": contentType },
      });
      expect(response.status).toBe(415);
      expect(response.body.error_code).toBe("VALIDATION_ERROR");
      // One body shape per error code: like every VALIDATION_ERROR, it names where and what.
      expect(response.body.errors).toEqual([{ loc: ["body"], msg: "Request body must be JSON: send Content-Type: application/json.", type: "model_attributes_type" }]);
    }
    const charset = await call("POST", tasksPath(user), {
      token: user.token,
      body: '{"title":"x"}',
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(charset.status).toBe(201);
  });

  it("413 VALIDATION_ERROR for a body over 64 KiB, declared or streamed", async () => {
    const user = await signUp();
    const big = JSON.stringify({ title: "x", description: "d".repeat(70_000) });
    const declared = await call("POST", tasksPath(user), { token: user.token, body: big });
    expect(declared.status).toBe(413);
    expect(declared.body.error_code).toBe("VALIDATION_ERROR");
    expect(declared.body.errors).toEqual([{ loc: ["body"], msg: "Request body must be at most 65536 bytes.", type: "bytes_too_long" }]);

    // No Content-Length: the limit is enforced while reading the stream.
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request(`http://localhost:3000${tasksPath(user)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const { POST } = await import("@/app/api/[user_id]/tasks/route");
    const streamed = await POST(request, { params: Promise.resolve({ user_id: user.id }) });
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).errors).toEqual([{ loc: ["body"], msg: "Request body must be at most 65536 bytes.", type: "bytes_too_long" }]);
  });

  it("40 concurrent creates: all 201, none lost, ids unique", async () => {
    const user = await signUp();
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        call("POST", tasksPath(user), { token: user.token, body: { title: `task ${index}` } }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(40).fill(201));
    const ids = new Set(responses.map((response) => response.body.id));
    expect(ids.size).toBe(40);
    const list = await call("GET", tasksPath(user), { token: user.token });
    expect(list.body.count).toBe(40);
    expect(new Set(list.body.tasks.map((task: { title: string }) => task.title)).size).toBe(40);
  });
});

describe("GET /api/{user_id}/tasks", () => {
  it("200 with an empty list for a new user", async () => {
    const user = await signUp();
    const response = await call("GET", tasksPath(user), { token: user.token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ tasks: [], count: 0, next_cursor: null });
  });

  it("200 with the user's tasks newest first (id descending) and their count", async () => {
    const user = await signUp();
    const first = await createTask(user, { title: "first" });
    const second = await createTask(user, { title: "second" });
    const third = await createTask(user, { title: "third" });
    const response = await call("GET", tasksPath(user), { token: user.token });
    expect(response.status).toBe(200);
    expect(response.body.count).toBe(3);
    expect(response.body.tasks.map((task: { id: number }) => task.id)).toEqual([third.id, second.id, first.id]);
    expect(Object.keys(response.body).sort()).toEqual(["count", "next_cursor", "tasks"]);
  });
});

describe("GET /api/{user_id}/tasks/{task_id}", () => {
  it("200 with the task", async () => {
    const user = await signUp();
    const task = await createTask(user, { title: "read me", description: "details" });
    const response = await call("GET", tasksPath(user, task.id), { token: user.token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(task);
  });

  it("404 NOT_FOUND for a task that does not exist", async () => {
    const user = await signUp();
    const response = await call("GET", tasksPath(user, 2_147_483_647), { token: user.token });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: expect.any(String), error_code: "NOT_FOUND", timestamp: expect.stringMatching(ISO_UTC) });
  });

  it("422 VALIDATION_ERROR for a task_id that is not a positive integer in range", async () => {
    const user = await signUp();
    for (const [taskId, type] of [
      ["abc", "int_parsing"],
      ["0", "greater_than_equal"],
      ["-1", "int_parsing"],
      ["1.5", "int_parsing"],
      ["01", "int_parsing"],
      ["9007199254740992", "less_than_equal"],
      ["99999999999999999999", "less_than_equal"],
      ["1e3", "int_parsing"],
      ["%20", "int_parsing"],
    ]) {
      const response = await call("GET", tasksPath(user, taskId!), { token: user.token });
      expect(response.status, taskId).toBe(422);
      expect(response.body.errors).toEqual([{ loc: ["path", "task_id"], msg: expect.any(String), type }]);
    }
  });
});

describe("PUT /api/{user_id}/tasks/{task_id}", () => {
  it("200 replacing the whole task; an omitted description becomes null", async () => {
    const user = await signUp();
    const task = await createTask(user, { title: "old", description: "old description" });
    const response = await call("PUT", tasksPath(user, task.id), {
      token: user.token,
      body: { title: " new ", complete: true },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: task.id, title: "new", description: null, complete: true, created_at: task.created_at });
    expect(Date.parse(response.body.updated_at)).toBeGreaterThan(Date.parse(task.updated_at));
  });

  it("422 when title or complete is missing, naming each", async () => {
    const user = await signUp();
    const task = await createTask(user);
    const response = await call("PUT", tasksPath(user, task.id), { token: user.token, body: { description: "x" } });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { loc: string[] }) => error.loc)).toEqual([
      ["body", "title"],
      ["body", "complete"],
    ]);
  });

  it("422 for complete that is not a boolean", async () => {
    const user = await signUp();
    const task = await createTask(user);
    const response = await call("PUT", tasksPath(user, task.id), { token: user.token, body: { title: "x", complete: "yes" } });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].loc).toEqual(["body", "complete"]);
  });

  it("404 for a task that does not exist", async () => {
    const user = await signUp();
    const response = await call("PUT", tasksPath(user, 2_000_000_000), { token: user.token, body: { title: "x", complete: false } });
    expect(response.status).toBe(404);
  });
});

describe("PATCH /api/{user_id}/tasks/{task_id}", () => {
  it("200 changing only the fields given, updated_at advancing on every change", async () => {
    const user = await signUp();
    const task = await createTask(user, { title: "keep", description: "keep too" });
    const completed = await call("PATCH", tasksPath(user, task.id), { token: user.token, body: { complete: true } });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ title: "keep", description: "keep too", complete: true });
    const cleared = await call("PATCH", tasksPath(user, task.id), { token: user.token, body: { description: null } });
    expect(cleared.body).toMatchObject({ title: "keep", description: null, complete: true });
    const times = [task.updated_at, completed.body.updated_at, cleared.body.updated_at].map(Date.parse);
    expect(times[1]).toBeGreaterThan(times[0]!);
    expect(times[2]).toBeGreaterThan(times[1]!);
    expect(cleared.body.created_at).toBe(task.created_at);
  });

  it("400 VALIDATION_ERROR when no field is given", async () => {
    const user = await signUp();
    const task = await createTask(user);
    const response = await call("PATCH", tasksPath(user, task.id), { token: user.token, body: {} });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error_code: "VALIDATION_ERROR", detail: "At least one field must be provided." });
  });

  it("422 for an unknown field or a blank title, and nothing changes", async () => {
    const user = await signUp();
    const task = await createTask(user, { title: "unchanged" });
    const unknown = await call("PATCH", tasksPath(user, task.id), { token: user.token, body: { completed: true } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ loc: ["body", "completed"], msg: expect.any(String), type: "extra_forbidden" }]);
    const blank = await call("PATCH", tasksPath(user, task.id), { token: user.token, body: { title: " " } });
    expect(blank.status).toBe(422);
    const after = await call("GET", tasksPath(user, task.id), { token: user.token });
    expect(after.body).toEqual(task);
  });

  it("404 for a task that does not exist", async () => {
    const user = await signUp();
    const response = await call("PATCH", tasksPath(user, 1_999_999_999), { token: user.token, body: { complete: true } });
    expect(response.status).toBe(404);
  });
});

describe("DELETE /api/{user_id}/tasks/{task_id}", () => {
  it("204 with an empty body, then 404 for the deleted task", async () => {
    const user = await signUp();
    const task = await createTask(user);
    const response = await call("DELETE", tasksPath(user, task.id), { token: user.token });
    expect(response.status).toBe(204);
    expect(response.text).toBe("");
    expect((await call("GET", tasksPath(user, task.id), { token: user.token })).status).toBe(404);
    expect((await call("DELETE", tasksPath(user, task.id), { token: user.token })).status).toBe(404);
  });
});

describe("405 for methods a route does not serve", () => {
  it.each([
    ["PUT", false],
    ["PATCH", false],
    ["DELETE", false],
    ["POST", true],
  ])("%s → 405 METHOD_NOT_ALLOWED with Allow", async (method, onItem) => {
    const user = await signUp();
    const path = onItem ? tasksPath(user, 1) : tasksPath(user);
    const response = await call(method, path, { token: user.token, body: { title: "x" } });
    expect(response.status).toBe(405);
    expect(response.body.error_code).toBe("METHOD_NOT_ALLOWED");
    expect(response.headers.get("allow")).toBe(onItem ? "GET, PUT, PATCH, DELETE" : "GET, POST");
  });
});
