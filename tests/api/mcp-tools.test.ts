import { sql } from "drizzle-orm";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Client } from "@modelcontextprotocol/client";
import { getDb } from "@/db/index";
import { logger } from "@/lib/logger";
import { TaskCreate, TaskResponse } from "@/lib/tasks/schema";
import { call, createTask, signUp, tasksPath, type TestUser } from "../support/api";
import { connect, TestAssistant } from "../support/mcp";

interface ToolResult {
  content: { type: string; text: string }[];
  structuredContent?: Record<string, any>;
  isError?: boolean;
}

async function callTool(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

/** A tool error: the API's error envelope as structured content, `CODE: detail` as text. */
function expectToolError(result: ToolResult, code: string, detail?: string | RegExp) {
  expect(result.isError).toBe(true);
  expect(result.structuredContent).toMatchObject({ error_code: code, timestamp: expect.any(String) });
  if (detail !== undefined) expect(result.structuredContent!.detail).toMatch(detail);
  expect(result.content[0]!.text).toBe(`${code}: ${result.structuredContent!.detail}`);
  expect(JSON.parse(result.content[1]!.text)).toEqual(result.structuredContent);
}

const restTask = (user: TestUser, id: number) => call("GET", tasksPath(user, id), { token: user.token });

let user: TestUser;
let client: Client;

beforeAll(async () => {
  user = await signUp();
  ({ client } = await connect(user));
});

describe("MCP tools/list", () => {
  it("lists the six task tools with titles, descriptions and the right annotations", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["list_tasks", "get_task", "add_task", "update_task", "complete_task", "delete_task"]);
    const hints = Object.fromEntries(tools.map((tool) => [tool.name, [tool.annotations?.readOnlyHint, tool.annotations?.destructiveHint]]));
    expect(hints).toEqual({
      list_tasks: [true, undefined],
      get_task: [true, undefined],
      add_task: [false, false],
      update_task: [false, true],
      complete_task: [false, false],
      delete_task: [false, true],
    });
    for (const tool of tools) {
      expect(tool.title).toEqual(expect.any(String));
      expect(tool.description!.length).toBeGreaterThan(10);
    }
  });

  it("input schemas are JSON Schema 2020-12 from the task contract: strict objects, valid, and they validate what the API does", async () => {
    const { tools } = await client.listTools();
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    for (const tool of tools) {
      expect(tool.inputSchema).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", additionalProperties: false });
      ajv.compile(tool.inputSchema);
    }
    const addTask = tools.find((tool) => tool.name === "add_task")!;
    expect(addTask.inputSchema).toEqual({ type: "object", ...TaskCreate["~standard"].jsonSchema.input({ target: "draft-2020-12" }) });
    const validate = ajv.compile(addTask.inputSchema);
    expect(validate({ title: "Milk", description: null })).toBe(true);
    expect(validate({ title: "x".repeat(201) })).toBe(false);
    expect(validate({ title: "Milk", completed: true })).toBe(false);
    const getTask = tools.find((tool) => tool.name === "get_task")!;
    expect(getTask.inputSchema.required).toEqual(["task_id"]);
    expect(getTask.outputSchema).toMatchObject({ ...TaskResponse["~standard"].jsonSchema.output({ target: "draft-2020-12" }), type: "object" });
  });
});

describe("MCP tools/call", () => {
  it("add_task – the task in the API's JSON shape, plus a short line; the REST API sees it", async () => {
    const result = await callTool(client, "add_task", { title: "  Buy milk  ", description: "2 litres" });
    expect(result.isError).toBeFalsy();
    const task = TaskResponse.parse(result.structuredContent);
    expect(task).toMatchObject({ user_id: user.id, title: "Buy milk", description: "2 litres", complete: false });
    expect(result.content[0]!.text).toBe(`Added task ${task.id}: "Buy milk".`);
    expect(JSON.parse(result.content[1]!.text)).toEqual(task);
    const rest = await restTask(user, task.id);
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual(task);
  });

  it("get_task – one task by id, as the REST API returns it", async () => {
    const task = await createTask(user, { title: "Call mum" });
    const result = await callTool(client, "get_task", { task_id: task.id });
    expect(result.structuredContent).toEqual(task);
    expect(result.content[0]!.text).toBe(`Task ${task.id}: "Call mum" (open).`);
  });

  it("list_tasks – the API's list (tasks, count, next_cursor) with its filter, search, sort and cursor", async () => {
    const owner = await signUp();
    const { client: ownerClient } = await connect(owner);
    for (const title of ["apples", "bread", "cheese"]) await createTask(owner, { title });
    await call("PATCH", tasksPath(owner, (await createTask(owner, { title: "done already" })).id), { token: owner.token, body: { complete: true } });

    const all = await callTool(ownerClient, "list_tasks");
    const rest = await call("GET", tasksPath(owner), { token: owner.token });
    expect(all.structuredContent).toEqual(rest.body);
    expect(all.content[0]!.text).toBe("4 of 4 matching tasks.");

    const open = await callTool(ownerClient, "list_tasks", { complete: false, sort: "title", order: "asc", limit: 2 });
    expect(open.structuredContent!.tasks.map((task: { title: string }) => task.title)).toEqual(["apples", "bread"]);
    expect(open.structuredContent!.count).toBe(3);
    expect(open.content[0]!.text).toBe("2 of 3 matching tasks; more with cursor.");
    const next = await callTool(ownerClient, "list_tasks", { complete: false, sort: "title", order: "asc", limit: 2, cursor: open.structuredContent!.next_cursor });
    expect(next.structuredContent).toMatchObject({ tasks: [expect.objectContaining({ title: "cheese" })], count: 3, next_cursor: null });

    const search = await callTool(ownerClient, "list_tasks", { q: "BREAD" });
    expect(search.structuredContent!.tasks).toEqual([expect.objectContaining({ title: "bread" })]);
  });

  it("update_task – changes only the fields given; the REST API sees the change", async () => {
    const task = await createTask(user, { title: "Draft", description: "old" });
    const result = await callTool(client, "update_task", { task_id: task.id, title: "Final" });
    expect(result.structuredContent).toMatchObject({ id: task.id, title: "Final", description: "old", complete: false });
    expect(result.content[0]!.text).toBe(`Changed task ${task.id}: "Final" (open).`);
    const cleared = await callTool(client, "update_task", { task_id: task.id, description: null, complete: true });
    expect(cleared.structuredContent).toMatchObject({ title: "Final", description: null, complete: true });
    expect((await restTask(user, task.id)).body).toEqual(cleared.structuredContent);
  });

  it("complete_task – marks the task done", async () => {
    const task = await createTask(user, { title: "Water plants" });
    const result = await callTool(client, "complete_task", { task_id: task.id });
    expect(result.structuredContent).toMatchObject({ id: task.id, complete: true });
    expect(result.content[0]!.text).toBe(`Task ${task.id} is done: "Water plants".`);
    expect((await restTask(user, task.id)).body).toMatchObject({ complete: true });
  });

  it("delete_task – deletes the task (the REST API then answers 404); deleting it again is NOT_FOUND", async () => {
    const task = await createTask(user, { title: "Temporary" });
    const result = await callTool(client, "delete_task", { task_id: task.id });
    expect(result.structuredContent).toEqual({ task_id: task.id, deleted: true });
    expect(result.content[0]!.text).toBe(`Deleted task ${task.id}.`);
    expect((await restTask(user, task.id)).status).toBe(404);
    expectToolError(await callTool(client, "delete_task", { task_id: task.id }), "NOT_FOUND", `Task ${task.id} not found.`);
  });
});

describe("MCP tool errors: the API's error codes and messages, as tool errors", () => {
  it("NOT_FOUND for a task that does not exist", async () => {
    expectToolError(await callTool(client, "get_task", { task_id: 2_000_000_000 }), "NOT_FOUND", "Task 2000000000 not found.");
  });

  it("VALIDATION_ERROR naming each argument at fault, like the API's 422", async () => {
    const blank = await callTool(client, "add_task", { title: "   " });
    expectToolError(blank, "VALIDATION_ERROR", "Validation failed: title must not be blank");
    expect(blank.structuredContent!.errors).toEqual([{ loc: ["arguments", "title"], msg: "title must not be blank", type: "string_too_short" }]);

    const several = await callTool(client, "add_task", { title: "x".repeat(201), completed: true });
    expect(several.structuredContent!.errors).toEqual([
      { loc: ["arguments", "title"], msg: "title must be at most 200 characters", type: "string_too_long" },
      { loc: ["arguments", "completed"], msg: "Unknown field 'completed'.", type: "extra_forbidden" },
    ]);
    expectToolError(await callTool(client, "get_task", { task_id: "1" }), "VALIDATION_ERROR", /task_id must be a positive integer/);
    expectToolError(await callTool(client, "get_task"), "VALIDATION_ERROR", /task_id is required/);
    expectToolError(await callTool(client, "list_tasks", { limit: 501 }), "VALIDATION_ERROR", /limit must be an integer from 1 to 500/);
    expectToolError(await callTool(client, "list_tasks", { cursor: "forged" }), "VALIDATION_ERROR", /cursor is not valid/);
  });

  it("VALIDATION_ERROR for update_task with no field to change", async () => {
    const task = await createTask(user, { title: "Unchanged" });
    expectToolError(await callTool(client, "update_task", { task_id: task.id }), "VALIDATION_ERROR", "At least one field must be provided.");
    expect((await restTask(user, task.id)).body).toEqual(task);
  });

  it("an unknown tool is a protocol error (-32602), not a crash; the connection keeps working", async () => {
    await expect(client.callTool({ name: "drop_everything", arguments: {} })).rejects.toMatchObject({ code: -32602 });
    expect(await client.ping()).toEqual({});
  });
});

describe("MCP tools run for the token's user only, with the same rules as the API", () => {
  it("a second user's token sees none of the first user's tasks, and cannot touch them (AUTH_FORBIDDEN, like the API's 403)", async () => {
    const task = await createTask(user, { title: "Private" });
    const other = await signUp();
    const { client: otherClient } = await connect(other);
    const list = await callTool(otherClient, "list_tasks");
    expect(list.structuredContent).toEqual({ tasks: [], count: 0, next_cursor: null });
    for (const [tool, args] of [
      ["get_task", { task_id: task.id }],
      ["update_task", { task_id: task.id, title: "Mine now" }],
      ["complete_task", { task_id: task.id }],
      ["delete_task", { task_id: task.id }],
    ] as const) {
      expectToolError(await callTool(otherClient, tool, args), "AUTH_FORBIDDEN", "This task belongs to another user.");
    }
    // A user id in the arguments is refused, never followed.
    expectToolError(await callTool(otherClient, "list_tasks", { user_id: user.id }), "VALIDATION_ERROR", /Unknown field 'user_id'/);
    expect((await restTask(user, task.id)).body).toEqual(task);
  });

  it("a read-only connection lists and reads, and every write is AUTH_FORBIDDEN with nothing changed", async () => {
    const reader = await signUp();
    const task = await createTask(reader, { title: "Keep me" });
    const { client: readOnly } = await connect(reader, new TestAssistant("Reader", "tasks:read"));
    expect((await callTool(readOnly, "list_tasks")).structuredContent!.count).toBe(1);
    expect((await callTool(readOnly, "get_task", { task_id: task.id })).structuredContent).toEqual(task);
    for (const [tool, args] of [
      ["add_task", { title: "Sneaky" }],
      ["update_task", { task_id: task.id, title: "Changed" }],
      ["complete_task", { task_id: task.id }],
      ["delete_task", { task_id: task.id }],
    ] as const) {
      expectToolError(await callTool(readOnly, tool, args), "AUTH_FORBIDDEN", /may only read tasks.*tasks:write/);
    }
    const rest = await call("GET", tasksPath(reader), { token: reader.token });
    expect(rest.body).toMatchObject({ count: 1, tasks: [task] });
  });

  it("each tool call counts against the user's request budget (shared with the API); beyond it, RATE_LIMITED", async () => {
    const key = `user:${user.id}`;
    const count = async () => ((await getDb().execute(sql`select count from api_rate_limits where key = ${key}`)) as unknown as { rows: { count: number }[] }).rows[0]?.count ?? 0;
    await getDb().execute(sql`update api_rate_limits set window_start = clock_timestamp(), count = 0 where key = ${key}`);
    await callTool(client, "list_tasks");
    await client.listTools(); // not a tool call: not counted
    expect(await count()).toBe(1);
    await getDb().execute(sql`update api_rate_limits set count = 1000000, window_start = now() + interval '5 seconds' where key = ${key}`);
    expectToolError(await callTool(client, "list_tasks"), "RATE_LIMITED", /Too many requests/);
    await getDb().execute(sql`update api_rate_limits set count = 0, window_start = clock_timestamp() where key = ${key}`);
  });

  it("one JSON log line per request: the tool, the user and client, the error code", async () => {
    const info = vi.spyOn(logger, "info");
    try {
      await callTool(client, "get_task", { task_id: 2_000_000_001 });
      const lines = info.mock.calls.map(([line]) => line as unknown as Record<string, unknown>).filter((line) => line.route === "/api/mcp");
      expect(lines).toEqual([
        {
          request_id: expect.any(String),
          method: "POST",
          route: "/api/mcp",
          status: 200,
          duration_ms: expect.any(Number),
          user_id: user.id,
          client_id: expect.any(String),
          rpc_method: "tools/call",
          tool: "get_task",
          error_code: "NOT_FOUND",
        },
      ]);
    } finally {
      info.mockRestore();
    }
  });
});
