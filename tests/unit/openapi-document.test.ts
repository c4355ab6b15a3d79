import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { getCookies } from "better-auth/cookies";
import { getAuth } from "@/lib/auth";
import {
  ConflictBody,
  ForbiddenBody,
  IdempotencyKeyReusedBody,
  MethodNotAllowedBody,
  NotFoundBody,
  PreconditionFailedBody,
  RateLimitedBody,
  ServerErrorBody,
  UnauthorizedBody,
  ValidationErrorBody,
} from "@/lib/error-schema";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth-schema";
import { ListCompleteParameter, ListLimitParameter, TaskIdParameter } from "@/lib/openapi/parameters";
import {
  IdempotencyKey,
  LIST_LIMIT_DEFAULT,
  TaskCreate,
  TaskId,
  TaskListQuery,
  TaskListResponse,
  TaskPatch,
  TaskResponse,
  TaskUpdate,
} from "@/lib/tasks/schema";
import { openApiDocument, resolve, schemaValidator } from "../support/contract";

const run = promisify(execFile);
const root = path.join(import.meta.dirname, "../..");
const document = openApiDocument();
type Json = Record<string, any>;

const operation = (template: string, method: string): Json => document.paths[template]?.[method] as Json;

describe("@redocly/cli lint (recommended ruleset, redocly.yaml)", () => {
  // Each allowed warning is explained in redocly.yaml; any other warning or any error fails.
  const explainedWarnings = [
    "no-unused-components #/components/responses/MethodNotAllowed",
    "no-unused-components #/components/schemas/ErrorResponse",
    "operation-2xx-response #/paths/~1api~1auth~1reset-password~1{token}/get/responses",
    "operation-4xx-response #/paths/~1api~1openapi.json/get/responses",
    "operation-4xx-response #/paths/~1api~1{user_id}~1tasks/options/responses",
    "operation-4xx-response #/paths/~1api~1{user_id}~1tasks~1export/options/responses",
    "operation-4xx-response #/paths/~1api~1{user_id}~1tasks~1{task_id}/options/responses",
    "operation-4xx-response #/paths/~1health/get/responses",
  ];

  it("no errors, and no warning but the explained ones", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "openapi-lint-")), "openapi.json");
    writeFileSync(file, JSON.stringify(document, null, 2));
    const result = await run(
      path.join(root, "node_modules/.bin/redocly"),
      ["lint", file, "--config", path.join(root, "redocly.yaml"), "--format", "json"],
      { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" }, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout: string; code: number }) => error);
    const report = JSON.parse(result.stdout) as { problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
    const describe = (problem: (typeof report.problems)[number]) => `${problem.ruleId} ${problem.location[0]?.pointer}`;
    expect(report.problems.filter((problem) => problem.severity === "error").map((p) => `${describe(p)}: ${p.message}`)).toEqual([]);
    expect(report.problems.map(describe).sort()).toEqual(explainedWarnings);
  }, 60_000);
});

describe("OpenAPI document – content", () => {
  it("is OpenAPI 3.1 with the component schemas generated from the Zod contract", () => {
    expect(document.openapi).toBe("3.1.0");
    const schemas = document.components.schemas as Json;
    const fromZod = {
      TaskCreate,
      TaskUpdate,
      TaskPatch,
      TaskResponse,
      TaskListResponse,
      ValidationError: ValidationErrorBody,
      UnauthorizedError: UnauthorizedBody,
      ForbiddenError: ForbiddenBody,
      NotFoundError: NotFoundBody,
      MethodNotAllowedError: MethodNotAllowedBody,
      ConflictError: ConflictBody,
      PreconditionFailed: PreconditionFailedBody,
      IdempotencyKeyReusedError: IdempotencyKeyReusedBody,
      RateLimitedError: RateLimitedBody,
      ServerError: ServerErrorBody,
    };
    for (const [name, zodSchema] of Object.entries(fromZod)) {
      expect(Object.keys(schemas[name].properties), name).toEqual(Object.keys(zodSchema.shape));
      expect(schemas[name].additionalProperties, name).toBe(false);
    }
    expect(schemas.TaskResponse.required).toEqual(Object.keys(TaskResponse.shape));
    expect(schemas.TaskCreate.required).toEqual(["title"]);
    expect(schemas.TaskUpdate.required).toEqual(["title", "complete"]);
    expect(schemas.ValidationError.required).toEqual(["detail", "error_code", "timestamp", "errors"]);
    expect(schemas.TaskListResponse.required).toEqual(["tasks", "count", "next_cursor"]);
    expect(schemas.PreconditionFailed.required).toEqual(["detail", "error_code", "timestamp", "task"]);
    expect(schemas.PreconditionFailed.properties.task).toEqual({ $ref: "#/components/schemas/TaskResponse" });
    // ErrorResponse: every error body, one per error code (each code selects exactly one schema).
    const errorBodies = Object.keys(fromZod).filter((name) => name.endsWith("Error") || name === "PreconditionFailed");
    expect(schemas.ErrorResponse.oneOf).toEqual(errorBodies.map((name) => ({ $ref: `#/components/schemas/${name}` })));
    expect(schemas.ErrorResponse.discriminator.propertyName).toBe("error_code");
    expect(Object.keys(schemas.ErrorResponse.discriminator.mapping)).toEqual([
      "VALIDATION_ERROR",
      "AUTH_MISSING",
      "AUTH_INVALID",
      "AUTH_FORBIDDEN",
      "NOT_FOUND",
      "METHOD_NOT_ALLOWED",
      "IDEMPOTENCY_KEY_IN_USE",
      "TASK_LIMIT_REACHED",
      "PRECONDITION_FAILED",
      "IDEMPOTENCY_KEY_REUSED",
      "RATE_LIMITED",
      "DATABASE_ERROR",
      "INTERNAL_ERROR",
    ]);
  });

  it("documents every status each task operation can answer, and no other", () => {
    const statuses = (template: string, method: string) => Object.keys(operation(template, method).responses).map(Number);
    // The basic CRUD statuses, plus those of the API's mechanics: 304 (If-None-Match), 409
    // (Idempotency-Key in use), 412 (If-Match), 422 also for query parameters and reused keys,
    // 429 (rate limit).
    expect(statuses("/api/{user_id}/tasks", "get")).toEqual([200, 304, 401, 403, 422, 429, 500]);
    expect(statuses("/api/{user_id}/tasks", "post")).toEqual([201, 400, 401, 403, 409, 413, 415, 422, 429, 500]);
    expect(statuses("/api/{user_id}/tasks", "options")).toEqual([204]);
    expect(statuses("/api/{user_id}/tasks/{task_id}", "get")).toEqual([200, 304, 401, 403, 404, 422, 429, 500]);
    expect(statuses("/api/{user_id}/tasks/{task_id}", "put")).toEqual([200, 400, 401, 403, 404, 412, 413, 415, 422, 429, 500]);
    expect(statuses("/api/{user_id}/tasks/{task_id}", "patch")).toEqual([200, 400, 401, 403, 404, 412, 413, 415, 422, 429, 500]);
    expect(statuses("/api/{user_id}/tasks/{task_id}", "delete")).toEqual([204, 401, 403, 404, 412, 422, 429, 500]);
    expect(statuses("/api/{user_id}/tasks/{task_id}", "options")).toEqual([204]);
    expect(document.paths["/api/{user_id}/tasks"]!["x-methods-not-allowed"]).toMatchObject({ methods: ["PUT", "PATCH", "DELETE"] });
    expect(document.paths["/api/{user_id}/tasks/{task_id}"]!["x-methods-not-allowed"]).toMatchObject({ methods: ["POST"] });
  });

  it("names one absolute server URL, so a generated client has a base URL: {origin}, by default the local one", () => {
    const servers = document.servers as { url: string; variables: Record<string, { default: string }> }[];
    expect(servers).toHaveLength(1);
    const { url, variables } = servers[0]!;
    const resolved = url.replace(/\{(\w+)\}/g, (_, name: string) => variables[name]!.default);
    expect(resolved).toBe("http://localhost:3000");
    expect(new URL(`${resolved}/api/openapi.json`).href).toBe("http://localhost:3000/api/openapi.json");
  });

  it("every task operation requires bearerAuth (a JWT) and takes its path parameters; the CORS preflight needs none", () => {
    expect(document.components.securitySchemes!.bearerAuth).toMatchObject({ type: "http", scheme: "bearer", bearerFormat: "JWT" });
    for (const template of ["/api/{user_id}/tasks", "/api/{user_id}/tasks/{task_id}", "/api/{user_id}/tasks/export"]) {
      const pathItem = document.paths[template] as Json;
      const names = pathItem.parameters.map((parameter: Json) => resolve(parameter, "").value.name);
      expect(names).toEqual(template.endsWith("{task_id}") ? ["user_id", "task_id"] : ["user_id"]);
      for (const method of ["get", "post", "put", "patch", "delete"].filter((m) => pathItem[m])) {
        expect(pathItem[method].security, `${method} ${template}`).toEqual([{ bearerAuth: [] }]);
      }
      expect(pathItem.options.security, `options ${template}`).toEqual([]);
    }
  });

  it("documents each operation's query and header parameters: the list's query, If-None-Match, If-Match, Idempotency-Key", () => {
    const names = (template: string, method: string) =>
      (operation(template, method).parameters ?? []).map((parameter: Json) => {
        const { name, in: where } = resolve(parameter, "").value;
        return `${where}:${name}`;
      });
    // The list's query parameters are exactly those TaskListQuery accepts (any other is a 422).
    expect(names("/api/{user_id}/tasks", "get")).toEqual([...Object.keys(TaskListQuery.shape).map((name) => `query:${name}`), "header:If-None-Match"]);
    expect(names("/api/{user_id}/tasks", "post")).toEqual(["header:Idempotency-Key"]);
    expect(names("/api/{user_id}/tasks/{task_id}", "get")).toEqual(["header:If-None-Match"]);
    for (const method of ["put", "patch", "delete"]) expect(names("/api/{user_id}/tasks/{task_id}", method)).toEqual(["header:If-Match"]);
    for (const template of ["/api/{user_id}/tasks", "/api/{user_id}/tasks/{task_id}"]) {
      expect(names(template, "options")).toEqual(["header:Origin", "header:Access-Control-Request-Method", "header:Access-Control-Request-Headers"]);
    }
  });

  it("the documented list parameters and Idempotency-Key accept exactly what the API accepts", () => {
    const parameters = document.components.parameters as Json;
    const accepts = (name: string, value: unknown) => schemaValidator(`/components/parameters/${name}/schema`)(value);
    const apiAccepts = (query: Record<string, string>) => TaskListQuery.safeParse(query).success;
    // limit: a number to clients, with TaskListQuery's bounds and default.
    expect(parameters.ListLimit.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 500, default: LIST_LIMIT_DEFAULT });
    for (const limit of [1, 42, 500]) expect([accepts("ListLimit", limit), apiAccepts({ limit: String(limit) })]).toEqual([true, true]);
    for (const limit of [0, 501, 1.5]) expect([accepts("ListLimit", limit), apiAccepts({ limit: String(limit) })]).toEqual([false, false]);
    expect(ListLimitParameter.parse(undefined)).toBe(TaskListQuery.parse({}).limit);
    // complete: a boolean to clients (generated clients take true/false), sent as `true` or `false`.
    expect(parameters.ListComplete.schema).toEqual({ type: "boolean" });
    for (const complete of [true, false]) {
      expect([accepts("ListComplete", complete), apiAccepts({ complete: String(complete) })]).toEqual([true, true]);
      expect(TaskListQuery.parse({ complete: String(complete) }).complete).toBe(ListCompleteParameter.parse(complete));
    }
    for (const complete of ["yes", "True", "1"]) expect([accepts("ListComplete", complete), apiAccepts({ complete })], complete).toEqual([false, false]);
    // The others are TaskListQuery's own input schemas.
    const cases: [string, string, string[], string[]][] = [
      ["ListSort", "sort", ["id", "created_at", "updated_at", "title"], ["priority", "ID"]],
      ["ListOrder", "order", ["asc", "desc"], ["up", "ASC"]],
      ["ListSearch", "q", ["milk", "x".repeat(200)], ["x".repeat(201)]],
      ["ListCursor", "cursor", ["abc"], ["", "x".repeat(1001)]],
    ];
    for (const [component, name, good, bad] of cases) {
      expect(parameters[component].name).toBe(name);
      for (const value of good) expect([accepts(component, value), apiAccepts({ [name]: value })], `${name}=${value}`).toEqual([true, true]);
      for (const value of bad) expect([accepts(component, value), apiAccepts({ [name]: value })], `${name}=${value}`).toEqual([false, false]);
    }
    expect(parameters.ListSort.schema.default).toBe(TaskListQuery.parse({}).sort);
    expect(parameters.ListOrder.schema.default).toBe(TaskListQuery.parse({}).order);
    for (const key of ["k", "k".repeat(255), "9b2f4c1e-5d7a-4e3b", "!~"]) expect([accepts("IdempotencyKey", key), IdempotencyKey.safeParse(key).success], key).toEqual([true, true]);
    for (const key of ["", "k".repeat(256), "two words", "caf\u00e9"]) expect([accepts("IdempotencyKey", key), IdempotencyKey.safeParse(key).success], key).toEqual([false, false]);
  });

  it("documents the conditional-request, pagination and rate-limit headers on the task responses", () => {
    const headersOf = (template: string, method: string, status: number) => {
      const response = resolve(operation(template, method).responses[String(status)], "").value;
      return Object.fromEntries(Object.entries<Json>(response.headers ?? {}).map(([name, header]) => [name, resolve(header, "").value]));
    };
    const TASK = "/api/{user_id}/tasks/{task_id}";
    const LIST = "/api/{user_id}/tasks";
    // A strong ETag on every task response and the list; and on 304 and 412.
    for (const [template, method, status] of [
      [LIST, "get", 200],
      [LIST, "get", 304],
      [LIST, "post", 201],
      [TASK, "get", 200],
      [TASK, "get", 304],
      [TASK, "put", 200],
      [TASK, "patch", 200],
      [TASK, "put", 412],
      [TASK, "patch", 412],
      [TASK, "delete", 412],
    ] as const) {
      expect(headersOf(template, method, status).ETag, `${method} ${template} ${status}`).toMatchObject({ required: true });
    }
    expect(headersOf(LIST, "get", 200).Link).toBeDefined();
    expect(headersOf(LIST, "post", 201)["Idempotent-Replayed"]).toBeDefined();
    // Required with IDEMPOTENCY_KEY_IN_USE; the 409 of TASK_LIMIT_REACHED has none (tests/support/contract.ts checks which).
    expect(headersOf(LIST, "post", 409)["Retry-After"]).toMatchObject({ "x-required-with-error-codes": ["IDEMPOTENCY_KEY_IN_USE"] });
    // The remaining budget on every success; on a 429, the budget, Retry-After and r=0 for sure.
    for (const [template, method, status] of [
      [LIST, "get", 200],
      [LIST, "get", 304],
      [LIST, "post", 201],
      [TASK, "get", 200],
      [TASK, "get", 304],
      [TASK, "put", 200],
      [TASK, "patch", 200],
      [TASK, "delete", 204],
    ] as const) {
      expect(Object.keys(headersOf(template, method, status)), `${method} ${template} ${status}`).toEqual(expect.arrayContaining(["RateLimit-Policy", "RateLimit"]));
    }
    for (const [template, method] of [[LIST, "get"], [LIST, "post"], [TASK, "get"], [TASK, "put"], [TASK, "patch"], [TASK, "delete"]] as const) {
      const headers = headersOf(template, method, 429);
      for (const name of ["Retry-After", "RateLimit-Policy", "RateLimit"]) expect(headers[name], `${method} ${template} 429 ${name}`).toMatchObject({ required: true });
    }
  });

  it("the documented task_id format is exactly what the API accepts", () => {
    const schema = (document.components.parameters as Json).TaskId.schema;
    expect(schema).toMatchObject({ type: "integer", minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
    for (const accepted of [schema.minimum, 42, schema.maximum]) expect(TaskId.safeParse(String(accepted)).success).toBe(true);
    for (const rejected of [0, schema.maximum + 1, -1]) expect(TaskId.safeParse(String(rejected)).success).toBe(false);
    expect(TaskIdParameter.safeParse(1.5).success).toBe(false);
    // The same range wherever a task id appears: the task responses' `id` (and through them the
    // list, the export and the 412's `task`).
    const { type, minimum, maximum } = schema;
    expect((document.components.schemas as Json).TaskResponse.properties.id).toMatchObject({ type, minimum, maximum });
    expect((document.components.schemas as Json).TaskResponse.properties.id.exclusiveMinimum).toBeUndefined();
  });

  it("documents how to get a token: sign-up, sign-in, token, sign-out and jwks, with their bodies", () => {
    const bodySchema = (op: Json) => op.requestBody.content["application/json"].schema.$ref;
    const okSchema = (op: Json) => op.responses["200"].content["application/json"].schema.$ref;
    expect(bodySchema(operation("/api/auth/sign-up/email", "post"))).toBe("#/components/schemas/SignUpEmailRequest");
    expect(okSchema(operation("/api/auth/sign-up/email", "post"))).toBe("#/components/schemas/SignUpResponse");
    expect(bodySchema(operation("/api/auth/sign-in/email", "post"))).toBe("#/components/schemas/SignInEmailRequest");
    expect(okSchema(operation("/api/auth/sign-in/email", "post"))).toBe("#/components/schemas/SignInResponse");
    expect(okSchema(operation("/api/auth/token", "get"))).toBe("#/components/schemas/TokenResponse");
    expect(okSchema(operation("/api/auth/sign-out", "post"))).toBe("#/components/schemas/SignOutResponse");
    expect(okSchema(operation("/api/auth/jwks", "get"))).toBe("#/components/schemas/JsonWebKeySet");
    expect(operation("/health", "get").responses).toHaveProperty("503");
  });

  it("the documented session cookie names are Better Auth's, over http and over https; a session operation takes either", () => {
    const { sessionCookie, secureSessionCookie } = document.components.securitySchemes as Json;
    const nameFor = (baseURL: string) => getCookies({ ...getAuth().options, baseURL }).sessionToken.name;
    expect([sessionCookie.name, secureSessionCookie.name]).toEqual([nameFor("http://localhost:3000"), nameFor("https://todo.example")]);
    expect(operation("/api/auth/token", "get").security).toEqual([{ sessionCookie: [] }, { secureSessionCookie: [] }]);
    expect(operation("/api/auth/get-session", "get").security).toEqual([{ sessionCookie: [] }, { secureSessionCookie: [] }, {}]);
  });

  it("every POST of Better Auth documents the Origin header and when it is required (sign-up and sign-in: also with Sec-Fetch-* headers)", () => {
    const origins = Object.entries(document.paths)
      .filter(([template, pathItem]) => template.startsWith("/api/auth/") && pathItem.post)
      .map(([template, pathItem]) => {
        const parameters = ((pathItem.post as Json).parameters ?? []).map((parameter: Json) => resolve(parameter, "").value);
        return [template, parameters.filter((parameter: Json) => parameter.in === "header" && parameter.name === "Origin").map((parameter: Json) => parameter.description)];
      });
    expect(origins.length).toBeGreaterThan(10);
    for (const [template, [description, ...more]] of origins) {
      expect(more, template).toEqual([]);
      expect(description, template).toContain("**Required when the request carries a cookie");
      const firstLogin = ["/api/auth/sign-up/email", "/api/auth/sign-in/email"].includes(template);
      expect(description.includes("`Sec-Fetch-Mode: cors`"), template).toBe(firstLogin);
    }
  });

  it("the documented password lengths are Better Auth's", () => {
    const { minPasswordLength, maxPasswordLength } = getAuth().options.emailAndPassword ?? {};
    expect([minPasswordLength, maxPasswordLength]).toEqual([PASSWORD_MIN, PASSWORD_MAX]);
  });

  it("every example validates against the schema of the media type that shows it", () => {
    const checked: string[] = [];
    const problems: string[] = [];
    // Walks the whole document (paths and components) for media type objects.
    const walk = (node: unknown, pointer: string): void => {
      if (!node || typeof node !== "object") return;
      for (const [key, child] of Object.entries(node as Json)) {
        const childPointer = `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
        if (key === "content" && pointer.match(/\/(responses\/[^/]+|requestBody)$/)) {
          for (const [mediaType, media] of Object.entries(child as Json)) {
            const mediaPointer = `${childPointer}/${mediaType.replaceAll("/", "~1")}`;
            const examples = Object.entries<Json>(media.examples ?? {}).map(([name, example]) => [name, resolve(example, "").value.value] as const);
            if ("example" in media) examples.push(["example", media.example]);
            for (const [name, value] of examples) {
              const validate = schemaValidator(`${mediaPointer}/schema`);
              checked.push(`${mediaPointer} ${name}`);
              if (!validate(value)) problems.push(`${mediaPointer} ${name}: ${JSON.stringify(validate.errors)}`);
            }
          }
        } else {
          walk(child, childPointer);
        }
      }
    };
    walk(document, "");
    expect(problems).toEqual([]);
    expect(checked.length).toBeGreaterThan(40);
  });

  it("no optional parameter has an example: Swagger UI's Try it out would send it as the value", () => {
    const parameters = [
      ...Object.values((document.components?.parameters ?? {}) as Json),
      ...Object.values<Json>(document.paths).flatMap((item) => Object.values<Json>(item).flatMap((operation) => (operation.parameters ?? []) as Json[])),
    ].map((parameter) => resolve(parameter, "").value);
    const optional = parameters.filter((parameter) => !parameter.required);
    expect(optional.length).toBeGreaterThan(8);
    expect(optional.filter((parameter) => "example" in parameter || "examples" in parameter).map((parameter) => parameter.name)).toEqual([]);
  });
});
