import { readdirSync } from "node:fs";
import path from "node:path";
import { createSwaggerSpec } from "next-swagger-doc";
import { errorCodes, type ErrorCode } from "@/lib/errors";
import { resources } from "@/lib/api/resources";
import { accountExamples } from "@/lib/openapi/account-examples";
import { recoveryPaths } from "@/lib/openapi/auth-recovery-paths";
import { settingsPaths } from "@/lib/openapi/auth-settings-paths";
import { tokenPaths } from "@/lib/openapi/auth-token-paths";
import { componentExamples } from "@/lib/openapi/examples";
import { headers } from "@/lib/openapi/headers";
import { parameters } from "@/lib/openapi/parameters";
import { withResources } from "@/lib/openapi/resource-paths";
import { responses } from "@/lib/openapi/responses";
import { componentSchemas } from "@/lib/openapi/schemas";
import { securitySchemes } from "@/lib/openapi/security-schemes";

/**
 * Builds the OpenAPI 3.1 document: path operations from the `@swagger` JSDoc on the route
 * handlers (read from the source files by next-swagger-doc), completed with what each resource's
 * operations share (lib/api/resources.ts); Better Auth's paths and the components from lib/openapi/.
 * It reads the file system, so it runs where the sources are: at build time (the route
 * app/api/openapi.json is prerendered), in `next dev`, and in the tests.
 */

/**
 * Every route handler file of the app, a route before the routes below it (the task list before
 * the task), as paths relative to the project.
 */
export function routeFiles(root: string = process.cwd()): string[] {
  // turbopackIgnore: only the build reads these files (to prerender); the output must not trace them.
  return readdirSync(path.join(/*turbopackIgnore: true*/ root, "app"), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => path.join("app", file))
    .sort((a, b) => (path.dirname(a) + "/" < path.dirname(b) + "/" ? -1 : 1));
}

const codeMeaning: Record<ErrorCode, string> = {
  VALIDATION_ERROR: "400 empty or malformed body, or PATCH with no field · 413 body over 64 KiB · 415 not JSON · 422 schema violation, bad `task_id`, query parameter or `Idempotency-Key`; always with `errors`",
  AUTH_MISSING: "no `Authorization: Bearer` header",
  AUTH_INVALID: "malformed, forged or expired token; wrong algorithm, issuer or audience; the token's account was deleted (for the scheduled jobs: not the `CRON_SECRET`)",
  AUTH_FORBIDDEN: "`{user_id}` is not the token's user, the task is another user's, or the `Origin` is an untrusted page",
  NOT_FOUND: "no such task, or no API endpoint at the path (also the scheduled jobs' when `CRON_SECRET` is not set)",
  METHOD_NOT_ALLOWED: "the path does not serve the method (`Allow` lists those it does)",
  IDEMPOTENCY_KEY_IN_USE: "a request with the same `Idempotency-Key` is still running; retry after `Retry-After`",
  TASK_LIMIT_REACHED: "a create when you already have `MAX_TASKS_PER_USER` tasks (10,000 by default); delete some first",
  PRECONDITION_FAILED: "`If-Match` does not match the task's current `ETag`; the body's `task` is the current version",
  IDEMPOTENCY_KEY_REUSED: "the `Idempotency-Key` was used before with a different body",
  RATE_LIMITED: "over the per-user budget (`RateLimit-Policy`); retry after `Retry-After` seconds",
  DATABASE_ERROR: "the database failed or did not answer; retry after `Retry-After` seconds",
  INTERNAL_ERROR: "anything else (never a stack trace or driver message)",
};

const errorTable = (Object.keys(errorCodes) as ErrorCode[])
  .map((code) => `| \`${code}\` | ${code === "VALIDATION_ERROR" ? "400 · 413 · 415 · 422" : errorCodes[code]} | ${codeMeaning[code]} |`)
  .join("\n");

const description = `
A per-user task manager's REST API. Every task operation needs \`Authorization: Bearer <token>\`,
and the token's user must be the \`{user_id}\` in the path.

**Getting a token.** Sign up (\`POST /api/auth/sign-up/email\`) or sign in
(\`POST /api/auth/sign-in/email\`): the response sets a session cookie. With that cookie,
\`GET /api/auth/token\` returns a JWT valid for 15 minutes; its \`sub\` is your user id. On
[/docs](/docs), sign in and press **Use my token** to fill it in.

Any other path under \`/api\` answers 404 \`NOT_FOUND\` in the same error envelope, whatever the method.

**Beyond the basics** (all optional: a client that ignores them keeps working):
- *List query*: \`complete\`, \`q\` (search), \`sort\`, \`order\`, \`limit\` (1–500, default 100) and
  keyset pagination with \`cursor\`: follow the body's \`next_cursor\` or the \`Link: <…>; rel="next"\`
  header. Unknown or repeated parameters are a 422 naming them.
- *Conditional requests*: every task response has a strong \`ETag\` (\`"<id>.<updated_at in ms>"\`), the list
  one too. \`If-None-Match\` on GET → 304 while unchanged; \`If-Match\` on PUT, PATCH and DELETE →
  412 \`PRECONDITION_FAILED\` (with the current \`task\`) if someone changed it; \`If-Match: *\` means
  "exists".
- *Retry safety*: \`Idempotency-Key\` on POST (per user, 24 hours): a repeat replays the first 201
  with \`Idempotent-Replayed: true\`; another body with the same key is 422
  \`IDEMPOTENCY_KEY_REUSED\`; a repeat while the first runs is 409 \`IDEMPOTENCY_KEY_IN_USE\`.
- *Rate limits*: a per-user budget on the task API (default 100 requests per second, shared by all
  instances): \`RateLimit-Policy\` and \`RateLimit\` on successful responses, 429 \`RATE_LIMITED\`
  with \`Retry-After\` beyond it. Better Auth limits sign-in and sign-up (429 with \`X-Retry-After\`).
- *Limits*: an account holds at most \`MAX_TASKS_PER_USER\` tasks (10,000 by default); a create past it
  is 409 \`TASK_LIMIT_REACHED\`. Task ids are integers up to 2^53 − 1. A \`cursor\` is signed by the
  server for its query: any other is a 422 naming it.
- *CORS*: same-origin by default; pages on trusted origins get a preflight answer (\`OPTIONS\`) and
  can read \`ETag\`, \`Location\`, \`Link\`, \`Retry-After\`, \`RateLimit*\`, \`X-Request-Id\` and
  \`Idempotent-Replayed\` (\`Access-Control-Expose-Headers\`). A request from any other page
  (\`Origin\`) is refused with 403, the auth endpoints' POSTs included.

**Errors.** Every error is JSON \`{"detail", "error_code", "timestamp"}\`; every \`VALIDATION_ERROR\`
(400, 413, 415, 422) adds \`"errors": [{"loc", "msg", "type"}]\`, one entry per problem,
\`type\` in pydantic v2's vocabulary (\`missing\`, \`string_too_short\`, \`extra_forbidden\`, …, as a
FastAPI client expects); a 412 adds the current \`task\`. Every
response but a preflight's carries \`X-Request-Id\`. A method a path does not serve is a 405 \`METHOD_NOT_ALLOWED\`
(listed as \`x-methods-not-allowed\` on the path).

| error_code | status | when |
|---|---|---|
${errorTable}
`.trim();

export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

export function buildOpenApiDocument(): OpenApiDocument {
  const document = createSwaggerSpec({
    // `apis` replaces the folders next-swagger-doc would scan (sources, .next/server, public).
    // They are glob patterns: `[user_id]` must not be read as a character class.
    apis: routeFiles().map((file) => path.join(/*turbopackIgnore: true*/ process.cwd(), file).replace(/[[\]{}()*?!+@]/g, "\\$&")),
    // A JSDoc block that is not valid YAML must fail the build, not vanish from the document.
    failOnErrors: true,
    definition: {
      openapi: "3.1.0",
      info: { title: "todo-next API", version: "1.0.0", description },
      // An absolute URL, so a generated client has a usable base URL (a relative one fails in
      // Node); its variable says where the server runs. /docs points Swagger UI at its own origin.
      servers: [
        {
          url: "{origin}",
          description: "This server: set `origin` to where it runs (e.g. your Vercel deployment's https URL).",
          variables: { origin: { default: "http://localhost:3000", description: "The server's origin: scheme, host and port, no trailing slash (`npm run dev`'s by default)." } },
        },
      ],
      tags: [
        { name: "Tasks", description: "Your tasks. Bearer token required; only your own `{user_id}`." },
        { name: "Authentication", description: "Better Auth: accounts, sessions and the API's access tokens." },
        { name: "Operations", description: "Health and this document." },
      ],
      components: {
        schemas: componentSchemas(),
        securitySchemes,
        parameters,
        headers,
        responses,
        examples: { ...componentExamples, ...accountExamples },
      },
    },
  }) as OpenApiDocument;
  return { ...document, paths: withAuthPaths(withResources(document.paths, resources)) };
}

/**
 * Better Auth's endpoints (lib/openapi/auth-*-paths.ts) where their route file,
 * app/api/auth/[...all], sits among the others (routeFiles' order: by directory).
 */
function withAuthPaths(paths: OpenApiDocument["paths"]): OpenApiDocument["paths"] {
  const directory = (template: string) => `${template.replace(/\{([^}]+)\}/g, "[$1]")}/`;
  const entries = Object.entries(paths);
  const before = entries.filter(([template]) => directory(template) < "/api/auth/");
  const after = entries.filter(([template]) => directory(template) >= "/api/auth/");
  return Object.fromEntries([...before, ...Object.entries(tokenPaths), ...Object.entries(recoveryPaths), ...Object.entries(settingsPaths), ...after]);
}
