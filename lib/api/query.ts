import "server-only";
import type { z } from "zod";
import { parseRequestValue, validationFailed } from "@/lib/api/field-errors";

/** Parses the query string against a schema; a bad or repeated parameter is a 422 naming it. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  // No prototype: `constructor` or `__proto__` are parameter names like any other.
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  const repeated: string[] = [];
  for (const [name, value] of params) {
    if (name in values) repeated.push(name);
    values[name] = value;
  }
  if (repeated.length) {
    throw validationFailed([...new Set(repeated)].map((name) => ({ loc: ["query", name], msg: `${name} must be given at most once`, type: "value_error" as const })));
  }
  return parseRequestValue(schema, values, "query");
}
