import { describe, expect, it } from "vitest";
import { call, createTask, signUp, tasksPath } from "../support/api";

/**
 * Every `errors[]` entry carries pydantic v2's `type` beside `loc` and `msg`, so a client written
 * against a FastAPI version of this API reads our validation errors unchanged.
 */

describe("errors[].type – pydantic v2's vocabulary", () => {
  it("POST /api/{user_id}/tasks – body problems: missing, string_type, string_too_long, extra_forbidden, model_attributes_type", async () => {
    const user = await signUp();
    const cases: [unknown, { loc: (string | number)[]; type: string }[]][] = [
      [{ description: "x" }, [{ loc: ["body", "title"], type: "missing" }]],
      [{ title: "ok", description: 7 }, [{ loc: ["body", "description"], type: "string_type" }]],
      [{ title: "ok", description: "d".repeat(1001) }, [{ loc: ["body", "description"], type: "string_too_long" }]],
      [{ title: "ok", completed: true, owner: "me" }, [{ loc: ["body", "completed"], type: "extra_forbidden" }, { loc: ["body", "owner"], type: "extra_forbidden" }]],
      [[{ title: "ok" }], [{ loc: ["body"], type: "model_attributes_type" }]],
    ];
    for (const [body, expected] of cases) {
      const response = await call("POST", tasksPath(user), { token: user.token, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.errors, JSON.stringify(body)).toEqual(expected.map((entry) => ({ ...entry, msg: expect.any(String) })));
    }
  });

  it("PUT and PATCH – bool_type for a complete that is not a boolean, missing for a required one", async () => {
    const user = await signUp();
    const task = await createTask(user);
    const patch = await call("PATCH", tasksPath(user, task.id), { token: user.token, body: { complete: "true" } });
    expect(patch.body.errors).toEqual([{ loc: ["body", "complete"], msg: "complete must be true or false", type: "bool_type" }]);
    const put = await call("PUT", tasksPath(user, task.id), { token: user.token, body: { title: "t" } });
    expect(put.body.errors).toEqual([{ loc: ["body", "complete"], msg: "complete is required", type: "missing" }]);
  });

  it("400 – an empty body is `missing`, malformed JSON `json_invalid`, a PATCH naming no field `value_error`, at loc [\"body\"]", async () => {
    const user = await signUp();
    const task = await createTask(user);
    const cases = [
      ["POST", tasksPath(user), "", "missing"],
      ["POST", tasksPath(user), "{not json", "json_invalid"],
      ["PUT", tasksPath(user, task.id), "[1,", "json_invalid"],
      ["PATCH", tasksPath(user, task.id), "{}", "value_error"],
    ] as const;
    for (const [method, path, body, type] of cases) {
      const response = await call(method, path, { token: user.token, body, headers: { "content-type": "application/json" } });
      expect(response.status, `${method} ${body}`).toBe(400);
      expect(response.body.errors, `${method} ${body}`).toEqual([{ loc: ["body"], msg: response.body.detail, type }]);
    }
  });

  it("GET /api/{user_id}/tasks – query problems: int_parsing, greater_than_equal, less_than_equal, enum, string_too_long, extra_forbidden, value_error", async () => {
    const user = await signUp();
    const cases = [
      ["limit=ten", "limit", "int_parsing"],
      ["limit=1.5", "limit", "int_parsing"],
      ["limit=0", "limit", "greater_than_equal"],
      ["limit=501", "limit", "less_than_equal"],
      ["limit=123456789012345678901234567890", "limit", "less_than_equal"],
      ["complete=yes", "complete", "enum"],
      ["sort=priority", "sort", "enum"],
      ["order=up", "order", "enum"],
      [`q=${"x".repeat(201)}`, "q", "string_too_long"],
      ["q=a%00b", "q", "value_error"],
      ["completed=true", "completed", "extra_forbidden"],
      ["constructor=x", "constructor", "extra_forbidden"],
      ["__proto__=x", "__proto__", "extra_forbidden"],
      ["cursor=", "cursor", "string_too_short"],
      ["cursor=not-a-cursor", "cursor", "value_error"],
      ["limit=5&limit=6", "limit", "value_error"],
    ] as const;
    for (const [query, name, type] of cases) {
      const response = await call("GET", `${tasksPath(user)}?${query}`, { token: user.token });
      expect(response.status, query).toBe(422);
      expect(response.body.errors, query).toEqual([{ loc: ["query", name], msg: expect.any(String), type }]);
    }
  });

  it("the Idempotency-Key header: string_pattern_mismatch", async () => {
    const user = await signUp();
    const response = await call("POST", tasksPath(user), { token: user.token, body: { title: "x" }, headers: { "idempotency-key": "two words" } });
    expect(response.body.errors).toEqual([{ loc: ["header", "Idempotency-Key"], msg: expect.any(String), type: "string_pattern_mismatch" }]);
  });
});
