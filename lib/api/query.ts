import "server-only";
import type { z } from "zod";
import { toFieldErrors, validationFailed } from "@/lib/api/request-body";

/** Parses the query string against a schema; a bad or repeated parameter is a 422 naming it. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  const values: Record<string, string> = {};
  const repeated: string[] = [];
  for (const [name, value] of params) {
    if (name in values) repeated.push(name);
    values[name] = value;
  }
  if (repeated.length) {
    throw validationFailed([...new Set(repeated)].map((name) => ({ loc: ["query", name], msg: `${name} must be given at most once` })));
  }
  const result = schema.safeParse(values);
  if (!result.success) throw validationFailed(toFieldErrors(result.error, "query"));
  return result.data;
}
