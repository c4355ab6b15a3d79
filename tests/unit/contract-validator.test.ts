import { describe, expect, it } from "vitest";
import { assertMatchesContract, contractViolations } from "../support/contract";

/**
 * The contract check that tests/support/api.ts applies to every API test response: shown here
 * to pass a conforming response and to fail each kind of drift.
 */

const task = {
  id: 7,
  user_id: "user-1",
  title: "Buy milk",
  description: null,
  complete: false,
  created_at: "2026-01-15T09:30:00.000Z",
  updated_at: "2026-01-15T09:30:00.000Z",
};
const TASK = "/api/user-1/tasks/7";
const TASKS = "/api/user-1/tasks";

function response(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? "" : JSON.stringify(body);
  const all = new Headers({ "x-request-id": "req-1", ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers });
  return { status, headers: all, text };
}

const error = (code: string, extra: Record<string, unknown> = {}) => ({
  detail: "Something.",
  error_code: code,
  timestamp: "2026-01-15T09:30:00.000Z",
  ...extra,
});

const ETAG = '"7.1"';
const LIMITS = { "ratelimit-policy": '"per-user";q=100;w=1', ratelimit: '"per-user";r=99;t=1' };
const EXCEEDED = { "retry-after": "1", "ratelimit-policy": '"per-user";q=100;w=1', ratelimit: '"per-user";r=0;t=1' };

describe("contract check – conforming responses pass", () => {
  it.each([
    ["GET", TASK, response(200, task, { etag: ETAG })],
    ["GET", TASKS, response(200, { tasks: [task], count: 1, next_cursor: null }, { etag: '"abc_-1"' })],
    ["GET", TASKS, response(200, { tasks: [task], count: 2, next_cursor: "eyJ" }, { etag: '"abc"', link: `<${TASKS}?limit=1&cursor=eyJ>; rel="next"`, ...LIMITS })],
    ["GET", TASK, response(304, undefined, { etag: ETAG, ...LIMITS })],
    ["GET", TASKS, response(304, undefined, { etag: '"abc"' })],
    ["POST", TASKS, response(201, task, { location: TASK, etag: ETAG })],
    ["POST", TASKS, response(201, task, { location: TASK, etag: ETAG, "idempotent-replayed": "true", ...LIMITS })],
    ["POST", TASKS, response(409, error("IDEMPOTENCY_KEY_IN_USE"), { "retry-after": "1" })],
    ["POST", TASKS, response(409, error("TASK_LIMIT_REACHED"))],
    ["POST", TASKS, response(422, error("IDEMPOTENCY_KEY_REUSED"))],
    ["POST", TASKS, response(422, error("VALIDATION_ERROR", { errors: [{ loc: ["header", "Idempotency-Key"], msg: "no", type: "string_pattern_mismatch" }] }))],
    ["PATCH", TASK, response(412, error("PRECONDITION_FAILED", { task }), { etag: ETAG })],
    ["DELETE", TASK, response(429, error("RATE_LIMITED"), EXCEEDED)],
    ["GET", TASKS, response(403, error("AUTH_FORBIDDEN"))],
    ["OPTIONS", TASKS, { status: 204, headers: new Headers({ allow: "GET, POST, OPTIONS", vary: "Origin", "access-control-max-age": "600" }), text: "" }],
    ["DELETE", TASK, response(204, undefined, LIMITS)],
    ["GET", TASK, response(401, error("AUTH_MISSING"), { "www-authenticate": "Bearer" })],
    ["PATCH", TASK, response(422, error("VALIDATION_ERROR", { errors: [{ loc: ["body", "title"], msg: "no", type: "string_too_short" }] }))],
    ["PATCH", TASK, response(400, error("VALIDATION_ERROR", { errors: [{ loc: ["body"], msg: "Request body is not valid JSON.", type: "json_invalid" }] }))],
    ["PUT", TASKS, response(405, error("METHOD_NOT_ALLOWED"), { allow: "GET, POST" })],
    ["GET", "/api/auth/get-session", response(200, null)],
  ])("%s %s", (method, path, observed) => {
    expect(contractViolations(method, path, observed)).toEqual([]);
  });
});

describe("contract check – drift fails", () => {
  it.each([
    ["a missing field", "GET", TASK, response(200, { ...task, complete: undefined }), /must have required property 'complete'/],
    ["an extra field", "GET", TASK, response(200, { ...task, completed: true }), /must NOT have additional properties/],
    ["a wrong type", "GET", TASKS, response(200, { tasks: [{ ...task, id: "7" }], count: 1 }), /\/tasks\/0\/id must be integer/],
    ["a timestamp without Z", "GET", TASK, response(200, { ...task, updated_at: "2026-01-15T09:30:00.000+01:00" }), /updated_at must match/],
    ["an undocumented status", "GET", TASKS, response(404, error("NOT_FOUND")), /status 404 is not documented/],
    ["an error code the status does not carry", "GET", TASK, response(404, error("VALIDATION_ERROR")), /error_code must be equal to one of the allowed values/],
    ["a 422 without errors", "PUT", TASK, response(422, error("VALIDATION_ERROR")), /must have required property 'errors'/],
    ["a field error without its type", "PUT", TASK, response(422, error("VALIDATION_ERROR", { errors: [{ loc: ["body", "title"], msg: "no" }] })), /must have required property 'type'/],
    ["a field error type outside pydantic's vocabulary", "PUT", TASK, response(422, error("VALIDATION_ERROR", { errors: [{ loc: ["body", "title"], msg: "no", type: "too_small" }] })), /type must be equal to one of the allowed values/],
    ["a 401 without WWW-Authenticate", "GET", TASK, response(401, error("AUTH_INVALID")), /required header WWW-Authenticate is missing/],
    ["a 201 without Location", "POST", TASKS, response(201, task), /required header Location is missing/],
    ["a response without X-Request-Id", "GET", TASK, { ...response(200, task), headers: new Headers({ "content-type": "application/json" }) }, /X-Request-Id is missing/],
    ["a 204 with a body", "DELETE", TASK, response(204, {}), /no body is documented/],
    ["an undocumented media type", "GET", TASK, response(200, task, { "content-type": "text/html" }), /content-type "text\/html" is not documented/],
    ["an undocumented method", "PUT", "/health", response(405, error("METHOD_NOT_ALLOWED"), { allow: "GET" }), /PUT \/health is not documented/],
    ["a 405 method that answered otherwise", "PUT", TASKS, response(200, task), /documented as 405, got 200/],
    ["an undocumented path", "GET", "/api/user-1/notes", response(200, {}), /path \/api\/user-1\/notes is not documented/],
    ["a list without next_cursor", "GET", TASKS, response(200, { tasks: [task], count: 1 }, { etag: '"abc"' }), /must have required property 'next_cursor'/],
    ["a task without ETag", "GET", TASK, response(200, task), /required header ETag is missing/],
    ["a weak or malformed task ETag", "PUT", TASK, response(200, task, { etag: `W/${ETAG}` }), /header ETag: .* must match pattern/],
    ["a 304 with a body", "GET", TASK, response(304, task, { etag: ETAG }), /no body is documented/],
    ["a 412 without the current task", "PATCH", TASK, response(412, error("PRECONDITION_FAILED"), { etag: ETAG }), /must have required property 'task'/],
    ["a 412 on an operation without If-Match", "GET", TASK, response(412, error("PRECONDITION_FAILED", { task }), { etag: ETAG }), /status 412 is not documented/],
    ["a 429 without Retry-After", "GET", TASKS, response(429, error("RATE_LIMITED"), { "ratelimit-policy": EXCEEDED["ratelimit-policy"], ratelimit: EXCEEDED.ratelimit }), /Retry-After is missing/],
    ["a 429 without RateLimit", "GET", TASK, response(429, error("RATE_LIMITED"), { "retry-after": "1" }), /required header RateLimit-Policy is missing/],
    ["a malformed RateLimit header", "GET", TASK, response(200, task, { etag: ETAG, ...LIMITS, ratelimit: "99" }), /header RateLimit: .* must match pattern/],
    ["a 409 without Retry-After", "POST", TASKS, response(409, error("IDEMPOTENCY_KEY_IN_USE")), /required header Retry-After is missing/],
    ["a 409 with another status's code", "POST", TASKS, response(409, error("RATE_LIMITED"), { "retry-after": "1" }), /must be equal to one of the allowed values/],
    ["a reused key reported on PUT", "PUT", TASK, response(422, error("IDEMPOTENCY_KEY_REUSED")), /must have required property 'errors'|must be equal to one of the allowed values/],
    ["a preflight without Allow", "OPTIONS", TASK, { status: 204, headers: new Headers({ vary: "Origin" }), text: "" }, /required header Allow is missing/],
  ])("%s", (_name, method, path, observed, message) => {
    const violations = contractViolations(method, path, observed);
    expect(violations.join("\n")).toMatch(message);
    expect(() => assertMatchesContract(method, path, observed)).toThrow(/Response drifts from the OpenAPI document/);
  });
});
