import { exampleRefs, ref, type Example } from "@/lib/openapi/refs";

/**
 * Building blocks of the Better Auth endpoints' OpenAPI operations (auth-token-paths.ts,
 * auth-recovery-paths.ts, auth-settings-paths.ts): the responses every one shares, stated once.
 */

export const requestId = { "X-Request-Id": ref("headers", "X-Request-Id") };

export function json(schema: string, names: Example[]) {
  return { "application/json": { schema: ref("schemas", schema), examples: exampleRefs(...names) } };
}

const cookieHeaders = {
  always: { "Set-Cookie": ref("headers", "Set-Cookie") },
  unlessVerificationRequired: { "Set-Cookie": ref("headers", "SignUpSetCookie") },
  sometimes: { "Set-Cookie": { description: "The renewed session cookie, when the session was renewed.", schema: { type: "string" } } },
  never: {},
};

/** A 200 with a JSON body, and the session cookie when the operation sets it. */
export function ok(description: string, schema: string, names: Example[], cookie: keyof typeof cookieHeaders = "never") {
  return { description, headers: { ...cookieHeaders[cookie], ...requestId }, content: json(schema, names) };
}

/** A 400 of a Better Auth endpoint: `VALIDATION_ERROR` with Better Auth's own `code`. */
export function badRequest(description: string, names: Example[]) {
  return { description: `\`VALIDATION_ERROR\`: ${description}`, headers: requestId, content: json("AuthError", names) };
}

export const redirect = (description: string) => ({ description, headers: { Location: ref("headers", "RedirectLocation"), ...requestId } });

/** The emailed links refuse to lead off this site. */
export const foreignCallback = {
  description: "`AUTH_FORBIDDEN` (`INVALID_CALLBACK_URL`): `callbackURL` is neither a path nor an origin of this site.",
  headers: requestId,
  content: json("AuthError", ["InvalidCallbackURL"]),
};

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  /** Which session the endpoint acts on: the cookie's (required), the cookie's if any, or none. */
  session: boolean | "optional";
  body?: { schema: string; example: Example };
  parameters?: object[];
  /** A POST's `Origin` rule (components.parameters): sign-up and sign-in have the stricter one. */
  origin?: "AuthOrigin" | "SignInOrigin";
  responses: Record<string, object>;
}

// The session cookie under either of its names (`__Secure-` over https; lib/openapi/security-schemes.ts).
const cookie = [{ sessionCookie: [] }, { secureSessionCookie: [] }];
const security = { true: cookie, optional: [...cookie, {}], false: [] };

/**
 * Every operation: its body, then the errors all of them share (origin, rate limit, server); an
 * operation's own response for one of those statuses replaces the shared one.
 */
export function operation({ operationId, summary, description, session, body, parameters, responses }: Operation) {
  return {
    operationId,
    tags: ["Authentication"],
    summary,
    ...(description ? { description } : {}),
    security: security[`${session}`],
    ...(parameters ? { parameters } : {}),
    ...(body ? { requestBody: { required: true, content: json(body.schema, [body.example]) } } : {}),
    responses: {
      ...(session === true ? { "401": ref("responses", "AuthNoSession") } : {}),
      ...(body ? { "403": ref("responses", "AuthInvalidOrigin") } : {}),
      "429": ref("responses", "AuthRateLimited"),
      "500": ref("responses", "AuthServerError"),
      ...responses,
    },
  };
}

export const get = operation;

/**
 * A POST: every one is read by lib/api/auth-request.ts before Better Auth sees it, so besides the
 * shared errors it may be refused for its size (413) or for breaking the account rules (422); and
 * every one is held to Better Auth's origin check (the `Origin` parameter says when it applies).
 */
export function post(definition: Operation) {
  const parameters = [ref("parameters", definition.origin ?? "AuthOrigin"), ...(definition.parameters ?? [])];
  const defined = operation({ ...definition, parameters });
  return {
    ...defined,
    responses: {
      "413": ref("responses", "AuthPayloadTooLarge"),
      "422": ref("responses", "AuthFieldRules"),
      ...defined.responses,
    },
  };
}

export const noEmail = "When the server sends no email (production without `SMTP_URL`), a 400 says so.";
export const bodyInvalid = "a missing or malformed field, malformed JSON, or a NUL character (`INVALID_INPUT`)";
