import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, type OpenApiDocument } from "@/lib/openapi/document";

/**
 * The built OpenAPI document against the committed golden copy (tests/golden/openapi.json), one
 * operation, path-level entry and component at a time, so a failure names what changed and shows
 * its diff. A change to the document on purpose rewrites the copy, in the same commit:
 *
 *   UPDATE_OPENAPI_GOLDEN=1 npx vitest run tests/unit/openapi-golden.test.ts
 */

const GOLDEN = path.join(import.meta.dirname, "../golden/openapi.json");
const update = process.env.UPDATE_OPENAPI_GOLDEN === "1";

type Json = Record<string, unknown>;

/** The document as named parts: each operation, path-level entry, component and top-level field. */
function documentParts(document: OpenApiDocument): Map<string, unknown> {
  const parts = new Map<string, unknown>();
  for (const [key, value] of Object.entries(document)) {
    if (key !== "paths" && key !== "components") parts.set(key, value);
  }
  for (const [template, pathItem] of Object.entries(document.paths)) {
    for (const [key, value] of Object.entries(pathItem)) parts.set(`paths ${template} ${key}`, value);
  }
  for (const [kind, entries] of Object.entries(document.components)) {
    for (const [name, value] of Object.entries(entries as Json)) parts.set(`components ${kind} ${name}`, value);
  }
  return parts;
}

/** The order a reader sees: paths, the entries of each path, and each operation's statuses. */
function orderOf(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([template, pathItem]) =>
    Object.entries(pathItem).map(([key, value]) => {
      const responses = (value as { responses?: Json } | undefined)?.responses;
      return `${template} ${key}${responses ? ` ${Object.keys(responses).join(",")}` : ""}`;
    }),
  );
}

describe("OpenAPI document – the golden copy (tests/golden/openapi.json)", () => {
  const built = buildOpenApiDocument();

  it.runIf(update)("is rewritten (UPDATE_OPENAPI_GOLDEN=1)", () => {
    writeFileSync(GOLDEN, `${JSON.stringify(built, null, 2)}\n`);
  });

  it.skipIf(update)("has the same parts, in the same order", () => {
    const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as OpenApiDocument;
    expect([...documentParts(built).keys()]).toEqual([...documentParts(golden).keys()]);
    expect(orderOf(built)).toEqual(orderOf(golden));
  });

  it.skipIf(update)("every operation, path-level entry and component is the golden one", () => {
    const golden = documentParts(JSON.parse(readFileSync(GOLDEN, "utf8")) as OpenApiDocument);
    const parts = documentParts(built);
    const changed = [...parts].filter(([name, value]) => JSON.stringify(sortKeys(value)) !== JSON.stringify(sortKeys(golden.get(name))));
    // One soft assertion per changed part: the report names each and shows its own diff.
    for (const [name, value] of changed) expect.soft(value, name).toEqual(golden.get(name));
    expect(changed.map(([name]) => name)).toEqual([]);
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Json)[key])]));
}
