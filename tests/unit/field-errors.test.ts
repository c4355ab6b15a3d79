import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorType, parseRequestValue, toFieldErrors } from "@/lib/api/field-errors";
import { AppError, fieldErrorTypes } from "@/lib/errors";

const typeFor = (schema: z.ZodType, value: unknown) => {
  // As lib/api/field-errors.ts parses requests: with each issue's input.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error("expected a failure");
  return result.error.issues.map(fieldErrorType);
};

describe("parseRequestValue", () => {
  it("throws the 422 with one typed entry per problem, and returns the parsed value otherwise", () => {
    const schema = z.strictObject({ a: z.string(), b: z.boolean() });
    expect(parseRequestValue(schema, { a: "x", b: true }, "body")).toEqual({ a: "x", b: true });
    try {
      parseRequestValue(schema, { b: "yes" }, "body");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).errors).toEqual([
        { loc: ["body", "a"], msg: "a is required", type: "missing" },
        { loc: ["body", "b"], msg: expect.any(String), type: "bool_type" },
      ]);
    }
  });
});

describe("fieldErrorType – Zod issue → pydantic v2 error type", () => {
  it.each([
    ["missing", z.object({ a: z.string() }), {}],
    ["string_type", z.string(), 1],
    ["bool_type", z.boolean(), "true"],
    ["model_attributes_type", z.object({}), []],
    ["string_too_short", z.string().min(2), "a"],
    ["string_too_long", z.string().max(1), "ab"],
    ["greater_than_equal", z.number().min(1), 0],
    ["greater_than", z.number().positive(), 0],
    ["less_than_equal", z.number().max(1), 2],
    ["less_than", z.number().lt(1), 1],
    ["string_pattern_mismatch", z.string().regex(/^a$/), "b"],
    ["value_error", z.email(), "no"],
    ["enum", z.enum(["a", "b"]), "c"],
    ["literal_error", z.literal("a"), "b"],
    ["extra_forbidden", z.strictObject({}), { x: 1 }],
    ["value_error", z.string().refine(() => false), "x"],
    ["int_parsing", z.string().refine(() => false, { params: { type: "int_parsing" } }), "x"],
    ["value_error", z.string().refine(() => false, { params: { type: "not-a-pydantic-type" } }), "x"],
    ["value_error", z.number().multipleOf(2), 3],
  ] as const)("%s", (type, schema, value) => {
    expect(typeFor(schema, value)).toEqual([type]);
  });

  it("only ever answers a type of the documented vocabulary", () => {
    const types = [typeFor(z.int(), "x"), typeFor(z.array(z.string()), "x"), typeFor(z.union([z.string(), z.number()]), null)].flat();
    for (const type of types) expect(fieldErrorTypes).toContain(type);
  });

  it("toFieldErrors: one entry per unknown key, located under the root", () => {
    const result = z.strictObject({ a: z.string() }).safeParse({ a: 1, b: 2, c: 3 }, { reportInput: true });
    expect(toFieldErrors(result.error!, "body")).toEqual([
      { loc: ["body", "a"], msg: expect.any(String), type: "string_type" },
      { loc: ["body", "b"], msg: "Unknown field 'b'.", type: "extra_forbidden" },
      { loc: ["body", "c"], msg: "Unknown field 'c'.", type: "extra_forbidden" },
    ]);
  });
});
