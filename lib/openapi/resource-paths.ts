import { HTTP_METHODS, type Resource } from "@/lib/api/resources";
import { ref } from "@/lib/openapi/refs";

/**
 * Completes the path items of the API's resources (lib/api/resources.ts): a route file's JSDoc
 * gives each operation what is its own (id, summary, description, its parameters, body and
 * responses); everything the resource's operations share is filled in here, once.
 */

type Json = Record<string, unknown>;
type PathItem = Record<string, unknown>;

const refs = (kind: string, names: Record<string, string>) => Object.fromEntries(Object.entries(names).map(([key, name]) => [key, ref(kind, name)]));

// What the route files must not restate: the resource says it.
const SHARED_FIELDS = ["tags", "security"];

/** The CORS preflight: the same operation on every resource browsers of trusted pages call. */
function preflightOperation(resource: Resource, operationId: string) {
  return {
    operationId,
    tags: [resource.tag],
    summary: "CORS preflight",
    description:
      "Browsers ask this before a cross-origin request; no token needed, nothing is read. Pages on a trusted origin (the app's own, `TRUSTED_ORIGINS`) are allowed; others get no permission (and their requests are refused with 403).",
    security: [],
    parameters: ["Origin", "AccessControlRequestMethod", "AccessControlRequestHeaders"].map((name) => ref("parameters", name)),
    responses: { "204": ref("responses", "Preflight") },
  };
}

/** A success described in place gets the resource's success headers after its own. */
function withSuccessHeaders(resource: Resource, response: Json, status: string): Json {
  if (!status.startsWith("2") || "$ref" in response) return response;
  return { ...response, headers: { ...(response.headers as Json | undefined), ...refs("headers", resource.successHeaders) } };
}

function completeOperation(resource: Resource, where: string, operation: Json): Json {
  const restated = SHARED_FIELDS.filter((field) => field in operation);
  if (restated.length > 0) throw new Error(`${where}: ${restated.join(", ")} come from lib/api/resources.ts; remove them from the JSDoc`);
  const { operationId, summary, description, responses, ...own } = operation;
  const documented = Object.entries(responses as Record<string, Json>).map(([status, response]) => [status, withSuccessHeaders(resource, response, status)]);
  return {
    operationId,
    tags: [resource.tag],
    summary,
    description,
    security: resource.security,
    ...own,
    // An operation's own response for a status replaces the shared one (statuses list in order).
    responses: {
      ...refs("responses", resource.responses),
      ...(own.requestBody ? refs("responses", resource.bodyResponses ?? {}) : {}),
      ...Object.fromEntries(documented),
    },
  };
}

/** The resource's path item: the route files' operations, completed, between the shared parts. */
function resourcePathItem(resource: Resource, documented: PathItem): PathItem {
  const served = resource.methods.map((method) => method.toLowerCase());
  const unknown = Object.keys(documented).filter((key) => !served.includes(key));
  const missing = served.filter((method) => !documented[method]);
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(`${resource.path}: the JSDoc documents [${Object.keys(documented).join(", ")}], the resource serves [${served.join(", ")}]`);
  }
  const notAllowed = HTTP_METHODS.filter((method) => !resource.methods.includes(method));
  return {
    ...(resource.parameters.length > 0 ? { parameters: resource.parameters.map((name) => ref("parameters", name)) } : {}),
    ...(notAllowed.length > 0 ? { "x-methods-not-allowed": { methods: notAllowed, response: ref("responses", "MethodNotAllowed") } } : {}),
    ...Object.fromEntries(served.map((method) => [method, completeOperation(resource, `${method.toUpperCase()} ${resource.path}`, documented[method] as Json)])),
    ...(resource.preflight ? { options: preflightOperation(resource, resource.preflight.operationId) } : {}),
  };
}

/** The document's paths with every resource's path item completed (in place: the order stays). */
export function withResources(paths: Record<string, PathItem>, resources: Resource[]): Record<string, PathItem> {
  for (const resource of resources) {
    if (!paths[resource.path]) throw new Error(`${resource.path}: no operation documented in its route file`);
  }
  return Object.fromEntries(
    Object.entries(paths).map(([template, pathItem]) => {
      const resource = resources.find((candidate) => candidate.path === template);
      return [template, resource ? resourcePathItem(resource, pathItem) : pathItem];
    }),
  );
}
