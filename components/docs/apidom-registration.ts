// @ts-expect-error -- the package exports no such module and has no types for it; see below.
import * as openApi31Registration from "../../node_modules/@swagger-api/apidom-ns-openapi-3-1/src/refractor/registration.mjs";

/**
 * Swagger UI reads OpenAPI 3.1 through ApiDOM, whose element classes get their `refract` in a
 * registration module that package.json lists under `sideEffects`. Turbopack (Next 16) skips that
 * module anyway, and Swagger UI fails with "refract is not a function" (vercel/next.js#86507).
 * Importing the module itself, by path, makes it run; this check proves it did.
 */
export function openApi31Supported(): boolean {
  const { OpenApi3_1Element } = openApi31Registration as { OpenApi3_1Element?: { refract?: unknown } };
  return typeof OpenApi3_1Element?.refract === "function";
}
