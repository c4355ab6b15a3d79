import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { buildOpenApiDocument, type OpenApiDocument } from "@/lib/openapi/document";

/**
 * Checks HTTP responses against the OpenAPI document: the operation and its status are
 * documented, documented required headers are present and well-formed, and the body has a
 * documented media type and matches its schema (Ajv, JSON Schema 2020-12). tests/support/api.ts
 * runs every response of the API tests through it, so a response that drifts from the document
 * fails the test that received it.
 */

const DOCUMENT_ID = "https://todo-next.test/openapi.json";
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

type Json = Record<string, any>;

export interface ObservedResponse {
  status: number;
  headers: Headers;
  text: string;
}

interface Contract {
  document: OpenApiDocument;
  ajv: Ajv2020;
  validators: Map<string, ValidateFunction>;
}

let contract: Contract | undefined;

function load(): Contract {
  if (!contract) {
    const document = buildOpenApiDocument();
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    ajv.addSchema({ ...document, $id: DOCUMENT_ID });
    contract = { document, ajv, validators: new Map() };
  }
  return contract;
}

export function openApiDocument(): OpenApiDocument {
  return load().document;
}

const escapePointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/** Follows a local `$ref`; returns the object and its JSON pointer in the document. */
export function resolve(value: Json, pointer: string): { value: Json; pointer: string } {
  let current = { value, pointer };
  while (typeof current.value.$ref === "string") {
    const ref: string = current.value.$ref;
    if (!ref.startsWith("#/")) throw new Error(`unsupported $ref ${ref}`);
    const target = ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<Json | undefined>((node, key) => node?.[key], load().document);
    if (!target) throw new Error(`unresolved $ref ${ref}`);
    current = { value: target, pointer: ref.slice(1) };
  }
  return current;
}

/** A validator for the schema at a JSON pointer of the document (compiled once). */
export function schemaValidator(pointer: string): ValidateFunction {
  const { ajv, validators } = load();
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

const parameterCount = (template: string) => (template.match(/\{[^}]+\}/g) ?? []).length;

/**
 * The documented path template that serves a concrete path: literal paths win over templates,
 * and of two templates the one with fewer parameters (`/tasks/export` over `/tasks/{task_id}`),
 * as in Next's router.
 */
export function matchPath(pathname: string): string | undefined {
  const templates = Object.keys(load().document.paths);
  const literal = templates.find((template) => template === pathname);
  if (literal) return literal;
  const matching = templates.filter((template) => {
    const pattern = template.split("/").map((segment) => (/^\{.+\}$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^$()|[\]\\]/g, "\\$&")));
    return new RegExp(`^${pattern.join("/")}$`).test(pathname);
  });
  return matching.sort((a, b) => parameterCount(a) - parameterCount(b))[0];
}

/**
 * `x-required-with-error-codes` on a header: required when the body's `error_code` is one of
 * these (OpenAPI can only make a header required for every response of a status).
 */
function headerProblems(spec: Json, pointer: string, headers: Headers, errorCode: unknown): string[] {
  const problems: string[] = [];
  for (const [name, raw] of Object.entries<Json>(spec.headers ?? {})) {
    const { value: header, pointer: headerPointer } = resolve(raw, `${pointer}/headers/${escapePointer(name)}`);
    const actual = headers.get(name);
    if (actual === null) {
      const requiredHere = header.required || (header["x-required-with-error-codes"] as unknown[] | undefined)?.includes(errorCode);
      if (requiredHere) problems.push(`required header ${name} is missing`);
      continue;
    }
    if (!header.schema) continue;
    const value = header.schema.type === "integer" && /^-?\d+$/.test(actual) ? Number(actual) : actual;
    const validate = schemaValidator(`${headerPointer}/schema`);
    if (!validate(value)) problems.push(`header ${name}: ${JSON.stringify(actual)} ${describeErrors(validate)}`);
  }
  return problems;
}

function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`.trim()).join("; ");
}

function bodyProblems(spec: Json, pointer: string, response: ObservedResponse): string[] {
  const content: Json | undefined = spec.content;
  if (!content) return response.text === "" ? [] : [`no body is documented, got ${JSON.stringify(response.text.slice(0, 200))}`];
  const mediaType = response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!(mediaType in content)) return [`content-type ${JSON.stringify(mediaType)} is not documented (${Object.keys(content).join(", ")})`];
  if (!content[mediaType].schema) return [];
  let body: unknown = response.text;
  if (mediaType === "application/json") {
    try {
      body = JSON.parse(response.text);
    } catch {
      return ["body is not valid JSON"];
    }
  }
  const validate = schemaValidator(`${pointer}/content/${escapePointer(mediaType)}/schema`);
  return validate(body) ? [] : [`body does not match the schema: ${describeErrors(validate)}`];
}

function errorCodeOf(response: ObservedResponse): unknown {
  try {
    return (JSON.parse(response.text) as { error_code?: unknown } | null)?.error_code;
  } catch {
    return undefined;
  }
}

/** Everything about a response that the document does not allow; empty when it conforms. */
export function contractViolations(method: string, pathname: string, response: ObservedResponse): string[] {
  const { document } = load();
  const template = matchPath(pathname);
  if (!template) return [`path ${pathname} is not documented`];
  const pathItem = document.paths[template]!;
  const verb = method.toLowerCase();
  const base = `/paths/${escapePointer(template)}`;
  let responseSpec: { value: Json; pointer: string } | undefined;
  if (METHODS.includes(verb as (typeof METHODS)[number]) && pathItem[verb]) {
    const raw = (pathItem[verb] as Json).responses?.[String(response.status)];
    if (!raw) return [`${method} ${template}: status ${response.status} is not documented`];
    responseSpec = resolve(raw, `${base}/${verb}/responses/${response.status}`);
  } else {
    const notAllowed = pathItem["x-methods-not-allowed"] as Json | undefined;
    if (!notAllowed?.methods?.includes(method.toUpperCase())) return [`${method} ${template} is not documented`];
    if (response.status !== 405) return [`${method} ${template} is documented as 405, got ${response.status}`];
    responseSpec = resolve(notAllowed.response, `${base}/x-methods-not-allowed/response`);
  }
  return [
    ...headerProblems(responseSpec.value, responseSpec.pointer, response.headers, errorCodeOf(response)),
    ...bodyProblems(responseSpec.value, responseSpec.pointer, response),
  ];
}

/** Throws, naming every problem, when a response does not conform to the document. */
export function assertMatchesContract(method: string, pathname: string, response: ObservedResponse): void {
  const violations = contractViolations(method, pathname, response);
  if (violations.length > 0) {
    throw new Error(
      `Response drifts from the OpenAPI document: ${method} ${pathname} → ${response.status}\n  - ${violations.join("\n  - ")}\n  body: ${response.text.slice(0, 500)}`,
    );
  }
}
