import { describe, expect, it } from "vitest";
import { TaskCreate, TaskId, TaskPatch, TaskResponse, TaskUpdate } from "@/lib/tasks/schema";

describe("TaskCreate", () => {
  it("trims the title and keeps an optional description", () => {
    expect(TaskCreate.parse({ title: "  hi  " })).toEqual({ title: "hi" });
    expect(TaskCreate.parse({ title: "hi", description: null })).toEqual({ title: "hi", description: null });
  });

  it("measures the title after trimming", () => {
    expect(TaskCreate.safeParse({ title: ` ${"x".repeat(200)} ` }).success).toBe(true);
    expect(TaskCreate.safeParse({ title: "x".repeat(201) }).success).toBe(false);
    expect(TaskCreate.safeParse({ title: "\t\n " }).success).toBe(false);
  });

  it("is strict: unknown keys fail", () => {
    const result = TaskCreate.safeParse({ title: "x", completed: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["completed"] });
  });
});

describe("TaskUpdate", () => {
  it("requires title and complete; an omitted description becomes null", () => {
    expect(TaskUpdate.parse({ title: "a", complete: false })).toEqual({ title: "a", complete: false, description: null });
    expect(TaskUpdate.safeParse({ title: "a" }).success).toBe(false);
  });
});

describe("TaskPatch", () => {
  it("accepts any subset, including an empty object (the route turns that into a 400)", () => {
    expect(TaskPatch.parse({})).toEqual({});
    expect(TaskPatch.parse({ description: null })).toEqual({ description: null });
    expect(TaskPatch.safeParse({ complete: "true" }).success).toBe(false);
  });
});

describe("TaskId", () => {
  it("accepts positive integers that fit the column", () => {
    expect(TaskId.parse("1")).toBe(1);
    expect(TaskId.parse("2147483647")).toBe(2_147_483_647);
    expect(TaskId.parse("2147483648")).toBe(2_147_483_648);
    expect(TaskId.parse("9007199254740991")).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each(["0", "-5", "1.0", "007", "9007199254740992", "", "abc", " 1"])("rejects %j", (raw) => {
    expect(TaskId.safeParse(raw).success).toBe(false);
  });
});

describe("TaskResponse", () => {
  it("has exactly the documented fields", () => {
    const task = {
      id: 1,
      user_id: "u",
      title: "t",
      description: null,
      complete: false,
      created_at: "2026-01-01T00:00:00.000Z",
      updated_at: "2026-01-01T00:00:00.000Z",
    };
    expect(TaskResponse.parse(task)).toEqual(task);
    expect(TaskResponse.safeParse({ ...task, completed: false }).success).toBe(false);
    expect(TaskResponse.safeParse({ ...task, created_at: "yesterday" }).success).toBe(false);
  });
});
