import type { AccountExampleName } from "@/lib/openapi/account-examples";
import type { ExampleName } from "@/lib/openapi/examples";

/**
 * The Better Auth endpoints of the account flows (password reset, email verification, settings,
 * sessions, deletion) as OpenAPI path items, merged into the document beside those documented on
 * app/api/auth/[...all]/route.ts. Kept here as data: thirteen operations of YAML would bury the
 * route file. Every response of the API tests is checked against them (tests/support/contract.ts).
 */

type Example = ExampleName | AccountExampleName;

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
const examples = (...names: Example[]) => Object.fromEntries(names.map((name) => [name, ref("examples", name)]));
const requestId = { "X-Request-Id": ref("headers", "X-Request-Id") };

function json(schema: string, names: Example[]) {
  return { "application/json": { schema: ref("schemas", schema), examples: examples(...names) } };
}

const cookieHeaders = {
  always: { "Set-Cookie": ref("headers", "Set-Cookie") },
  sometimes: { "Set-Cookie": { description: "The renewed session cookie, when the session was renewed.", schema: { type: "string" } } },
  never: {},
};

/** A 200 with a JSON body, and the session cookie when the operation sets it. */
function ok(description: string, schema: string, names: Example[], cookie: keyof typeof cookieHeaders = "never") {
  return { description, headers: { ...cookieHeaders[cookie], ...requestId }, content: json(schema, names) };
}

/** A 400 of a Better Auth endpoint: `VALIDATION_ERROR` with Better Auth's own `code`. */
function badRequest(description: string, names: Example[]) {
  return { description: `\`VALIDATION_ERROR\`: ${description}`, headers: requestId, content: json("AuthError", names) };
}

const redirect = (description: string) => ({ description, headers: { Location: ref("headers", "RedirectLocation"), ...requestId } });

/** The emailed links refuse to lead off this site. */
const foreignCallback = {
  description: "`AUTH_FORBIDDEN` (`INVALID_CALLBACK_URL`): `callbackURL` is neither a path nor an origin of this site.",
  headers: requestId,
  content: json("AuthError", ["InvalidCallbackURL"]),
};

interface Operation {
  operationId: string;
  summary: string;
  description: string;
  /** Which session the endpoint acts on: the cookie's (required), or none. */
  session: boolean;
  body?: { schema: string; example: Example };
  parameters?: object[];
  responses: Record<string, object>;
}

/** Every operation: its body, then the errors all of them share (origin, rate limit, server). */
function operation({ operationId, summary, description, session, body, parameters, responses }: Operation) {
  return {
    operationId,
    tags: ["Authentication"],
    summary,
    description,
    security: session ? [{ sessionCookie: [] }] : [],
    ...(parameters ? { parameters } : {}),
    ...(body ? { requestBody: { required: true, content: json(body.schema, [body.example]) } } : {}),
    responses: {
      ...responses,
      ...(session ? { "401": ref("responses", "AuthNoSession") } : {}),
      ...(body ? { "403": ref("responses", "AuthInvalidOrigin") } : {}),
      "429": ref("responses", "AuthRateLimited"),
      "500": ref("responses", "AuthServerError"),
    },
  };
}

const noEmail = "When the server sends no email (production without `SMTP_URL`), a 400 says so.";
const bodyInvalid = "a missing or malformed field, malformed JSON, or a NUL character (`INVALID_INPUT`)";

export const accountPaths = {
  "/api/auth/request-password-reset": {
    post: operation({
      operationId: "requestPasswordReset",
      summary: "Email a password-reset link",
      description: `Answers the same whether or not the address has an account (nothing to learn from it). An account gets one email with a link that works once, for 30 minutes; at most 3 such emails per address per hour, and 3 requests per minute per client address. ${noEmail}`,
      session: false,
      body: { schema: "RequestPasswordResetRequest", example: "PasswordResetRequest" },
      responses: {
        "200": ok("Accepted (whether or not an email was sent).", "StatusMessageResponse", ["ResetLinkSent"]),
        "400": badRequest(`${bodyInvalid}; or no email on this server (\`RESET_PASSWORD_DISABLED\`).`, ["InvalidEmail", "ResetDisabled"]),
      },
    }),
  },
  "/api/auth/reset-password/{token}": {
    get: operation({
      operationId: "openResetLink",
      summary: "The emailed reset link",
      description: "Redirects to `callbackURL` with `?token=` while the link is valid, or with `?error=INVALID_TOKEN` when it was used, has expired or never existed.",
      session: false,
      parameters: [
        { name: "token", in: "path", required: true, description: "From the emailed link.", schema: { type: "string" } },
        { name: "callbackURL", in: "query", required: true, description: "The page that takes the new password (from the link).", schema: { type: "string" } },
      ],
      responses: {
        "302": redirect("To `callbackURL?token=…`, or `callbackURL?error=INVALID_TOKEN`."),
        "400": badRequest("`callbackURL` is missing.", ["MissingField"]),
        "403": foreignCallback,
      },
    }),
  },
  "/api/auth/reset-password": {
    post: operation({
      operationId: "resetPassword",
      summary: "Set a new password with a reset token",
      description:
        "The token works once. Every session of the account ends, a new one starts (the cookie comes back: you are signed in) and the address counts as verified. Access tokens already issued stay valid until they expire.",
      session: false,
      body: { schema: "ResetPasswordRequest", example: "ResetPasswordRequest" },
      responses: {
        "200": ok("Password changed; signed in.", "StatusResponse", ["Done"], "always"),
        "400": badRequest(`${bodyInvalid}; the password's length (\`PASSWORD_TOO_SHORT\`, \`PASSWORD_TOO_LONG\`); \`INVALID_TOKEN\`: used, expired or unknown.`, [
          "InvalidToken",
          "PasswordTooShort",
        ]),
      },
    }),
  },
  "/api/auth/send-verification-email": {
    post: operation({
      operationId: "sendVerificationEmail",
      summary: "Email a new verification link",
      description: `Without a session it answers the same for every address (only an unverified account gets an email); at most 3 such emails per address per hour. ${noEmail}`,
      session: false,
      body: { schema: "SendVerificationEmailRequest", example: "VerificationEmailRequest" },
      responses: {
        "200": ok("Accepted.", "StatusResponse", ["Done"]),
        "400": badRequest(`${bodyInvalid}; with a session, another address or one already verified; or no email on this server.`, ["InvalidEmail"]),
      },
    }),
  },
  "/api/auth/verify-email": {
    get: operation({
      operationId: "verifyEmail",
      summary: "The emailed verification link",
      description:
        "Marks the address verified (or, for an email change, switches the account to the new address) and signs in. With `callbackURL` (the emailed links have one) it redirects there, adding `?error=` (`TOKEN_EXPIRED`, `INVALID_TOKEN`, `USER_NOT_FOUND`) on failure.",
      session: false,
      parameters: [
        { name: "token", in: "query", required: true, description: "From the emailed link.", schema: { type: "string" } },
        { name: "callbackURL", in: "query", required: false, description: "Where to go afterwards (from the link).", schema: { type: "string" } },
      ],
      responses: {
        "200": ok("Verified (no `callbackURL`).", "VerifyEmailResponse", ["Done"], "always"),
        "302": redirect("To `callbackURL`, with `error` on failure."),
        "400": badRequest("`token` is missing.", ["MissingField"]),
        "403": foreignCallback,
        "401": {
          description: "`AUTH_INVALID` (no `callbackURL`): the token is invalid or expired.",
          headers: { "WWW-Authenticate": ref("headers", "WWW-Authenticate"), ...requestId },
          content: json("AuthError", ["InvalidToken"]),
        },
      },
    }),
  },
  "/api/auth/update-user": {
    post: operation({
      operationId: "updateUser",
      summary: "Change your name",
      description: "The email address is changed with `POST /api/auth/change-email` instead.",
      session: true,
      body: { schema: "UpdateUserRequest", example: "UpdateNameRequest" },
      responses: {
        "200": ok("Changed.", "StatusResponse", ["Done"], "always"),
        "400": badRequest(`${bodyInvalid}; \`INVALID_NAME\`: blank, over 100 characters or with control characters; no field to change.`, ["InvalidName"]),
      },
    }),
  },
  "/api/auth/change-password": {
    post: operation({
      operationId: "changePassword",
      summary: "Change your password",
      description: "Needs the current password. With `revokeOtherSessions: true` every other session ends and this one is renewed (new cookie).",
      session: true,
      body: { schema: "ChangePasswordRequest", example: "ChangePasswordRequest" },
      responses: {
        "200": ok("Changed.", "ChangePasswordResponse", ["PasswordChanged"], "sometimes"),
        "400": badRequest(`${bodyInvalid}; \`INVALID_PASSWORD\`: the current password is wrong; the new one's length.`, ["InvalidPassword", "PasswordTooShort"]),
      },
    }),
  },
  "/api/auth/change-email": {
    post: operation({
      operationId: "changeEmail",
      summary: "Change your email address",
      description: `Emails a link to the new address; the account switches to it (verified) when the link is opened. If the address belongs to another account, nothing is sent and the answer is the same. At most 3 such emails per address per hour. ${noEmail}`,
      session: true,
      body: { schema: "ChangeEmailRequest", example: "ChangeEmailRequest" },
      responses: {
        "200": ok("Accepted.", "StatusResponse", ["Done"]),
        "400": badRequest(`${bodyInvalid}; the account's current address; or no email on this server.`, ["InvalidEmail", "SameEmail"]),
      },
    }),
  },
  "/api/auth/list-sessions": {
    get: operation({
      operationId: "listSessions",
      summary: "Your active sessions",
      description: "Each with its device (`userAgent`), address and last activity (`updatedAt`); its `token` revokes it.",
      session: true,
      responses: { "200": ok("The sessions.", "SessionList", ["Sessions"]) },
    }),
  },
  "/api/auth/revoke-session": {
    post: operation({
      operationId: "revokeSession",
      summary: "Sign out one session",
      description: "Ends one of your sessions (a token of another account's session changes nothing).",
      session: true,
      body: { schema: "RevokeSessionRequest", example: "RevokeSessionRequest" },
      responses: { "200": ok("Done.", "StatusResponse", ["Done"]), "400": badRequest(bodyInvalid, ["MissingField"]) },
    }),
  },
  "/api/auth/revoke-other-sessions": {
    post: operation({
      operationId: "revokeOtherSessions",
      summary: "Sign out everywhere else",
      description: "Ends every session of yours but this one.",
      session: true,
      responses: { "200": ok("Done.", "StatusResponse", ["Done"]), "400": badRequest("a malformed body (none is needed).", ["MissingField"]), "403": ref("responses", "AuthInvalidOrigin") },
    }),
  },
  "/api/auth/delete-user": {
    post: operation({
      operationId: "deleteUser",
      summary: "Delete your account",
      description:
        "Needs the password. Removes the account and everything that is its (tasks, counters, idempotency records, rate-limit rows, sessions, pending links) in one transaction; its access tokens are refused from the next request on (401 `AUTH_INVALID`). The address can sign up again.",
      session: true,
      body: { schema: "DeleteUserRequest", example: "DeleteUserRequest" },
      responses: {
        "200": ok("Deleted; the session cookie is cleared.", "DeleteUserResponse", ["UserDeleted"], "always"),
        "400": badRequest("`PASSWORD_REQUIRED`: no password; `INVALID_PASSWORD`: a wrong one.", ["PasswordRequired", "InvalidPassword"]),
      },
    }),
  },
};
