import { describe, expect, it } from "vitest";
import { HTTP_METHODS, resources, taskListResource, taskResource, type Resource } from "@/lib/api/resources";
import { methodsNotAllowed, preflight } from "@/lib/api/route";
import { withResources } from "@/lib/openapi/resource-paths";
import { ORIGIN } from "../support/api";
import { openApiDocument } from "../support/contract";

/**
 * One definition per resource (lib/api/resources.ts) gives the route its OPTIONS and 405 handlers
 * and the document what every operation on it shares (lib/openapi/resource-paths.ts).
 */

type Json = Record<string, any>;
const document = openApiDocument();
const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

describe("OpenAPI document – what a resource's operations share is filled in from its definition", () => {
  it.each(resources.map((resource) => [resource.path, resource] as const))("%s", (_, resource) => {
    const pathItem = document.paths[resource.path] as Json;
    const served = resource.methods.map((method) => method.toLowerCase());
    const notServed = HTTP_METHODS.filter((method) => !resource.methods.includes(method));
    expect(Object.keys(pathItem)).toEqual([
      ...(resource.parameters.length > 0 ? ["parameters"] : []),
      "x-methods-not-allowed",
      ...served,
      ...(resource.preflight ? ["options"] : []),
    ]);
    expect(pathItem.parameters ?? []).toEqual(resource.parameters.map((name) => ref("parameters", name)));
    expect(pathItem["x-methods-not-allowed"]).toEqual({ methods: notServed, response: ref("responses", "MethodNotAllowed") });
    for (const method of served) {
      const operation = pathItem[method] as Json;
      const where = `${method} ${resource.path}`;
      expect(operation.tags, where).toEqual([resource.tag]);
      expect(operation.security, where).toEqual(resource.security);
      const shared = { ...resource.responses, ...(operation.requestBody ? resource.bodyResponses : {}) };
      for (const status of Object.keys(shared)) expect(operation.responses[status], `${where} ${status}`).toBeDefined();
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        if (!status.startsWith("2") || response.$ref) continue;
        expect(Object.keys(response.headers).slice(-Object.keys(resource.successHeaders).length), `${where} ${status}`).toEqual(Object.keys(resource.successHeaders));
      }
    }
    if (resource.preflight) {
      expect(pathItem.options).toMatchObject({ operationId: resource.preflight.operationId, tags: [resource.tag], security: [], responses: { "204": ref("responses", "Preflight") } });
    }
  });

  it("an operation's own response for a shared status wins (PATCH's 400, PUT's 422, POST's 422)", () => {
    expect(document.paths[taskResource.path]!.patch).toMatchObject({ responses: { "400": ref("responses", "PatchBadRequest") } });
    expect(document.paths[taskResource.path]!.put).toMatchObject({ responses: { "400": ref("responses", "BadRequest"), "422": ref("responses", "ValidationFailed") } });
    expect(document.paths[taskResource.path]!.get).toMatchObject({ responses: { "422": ref("responses", "TaskIdInvalid") } });
    expect(document.paths[taskListResource.path]!.post).toMatchObject({ responses: { "422": ref("responses", "CreateInvalid") } });
  });
});

describe("OpenAPI document – a route file's JSDoc and its resource must agree (the build fails otherwise)", () => {
  const resource: Resource = { ...taskListResource, methods: ["GET"] };
  const operation = { operationId: "listTasks", summary: "List", description: "The tasks.", responses: { "200": { description: "Tasks." } } };

  it("completes an operation that states only what is its own", () => {
    const completed = withResources({ [resource.path]: { get: operation } }, [resource])[resource.path]!.get as Json;
    expect(completed).toMatchObject({ operationId: "listTasks", tags: ["Tasks"], security: [{ bearerAuth: [] }] });
    expect(Object.keys(completed.responses)).toEqual(["200", "401", "403", "429", "500"]);
    expect(Object.keys(completed.responses["200"].headers)).toEqual(["RateLimit-Policy", "RateLimit", "X-Request-Id"]);
  });

  it("refuses a JSDoc that restates the resource's tags or security", () => {
    expect(() => withResources({ [resource.path]: { get: { ...operation, tags: ["Tasks"] } } }, [resource])).toThrow(/GET \/api\/\{user_id\}\/tasks: tags come from lib\/api\/resources.ts/);
    expect(() => withResources({ [resource.path]: { get: { ...operation, security: [] } } }, [resource])).toThrow(/security come from/);
  });

  it("refuses an operation the resource does not serve, a served method without one, and a resource without any", () => {
    expect(() => withResources({ [resource.path]: { get: operation, post: operation } }, [resource])).toThrow("the JSDoc documents [get, post], the resource serves [get]");
    expect(() => withResources({ [resource.path]: { parameters: [] } }, [resource])).toThrow("the JSDoc documents [parameters], the resource serves [get]");
    expect(() => withResources({}, [resource])).toThrow(`${resource.path}: no operation documented in its route file`);
  });
});

describe("Route handlers from a resource definition", () => {
  it("methodsNotAllowed: a 405 handler for exactly the methods the resource does not serve, Allow naming those it does", async () => {
    const handlers = methodsNotAllowed(taskListResource);
    expect(Object.keys(handlers)).toEqual(["PUT", "PATCH", "DELETE"]);
    const response = await handlers.DELETE(new Request(`${ORIGIN}/api/u/tasks`, { method: "DELETE" }), { params: Promise.resolve({}) });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(await response.json()).toMatchObject({ error_code: "METHOD_NOT_ALLOWED", detail: "Method DELETE is not allowed here." });
    expect(Object.keys(methodsNotAllowed(taskResource))).toEqual(["POST"]);
  });

  it("preflight: Allow names the methods the resource serves, and OPTIONS", async () => {
    const response = await preflight(taskResource)(new Request(`${ORIGIN}/api/u/tasks/1`, { method: "OPTIONS" }));
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, PUT, PATCH, DELETE, OPTIONS");
  });
});
