import { badRequest, bodyInvalid, noEmail, ok, get, post } from "@/lib/openapi/auth-operation";
import { ref } from "@/lib/openapi/refs";

/** The settings page's Better Auth endpoints (name, password, email, sessions, deletion) as OpenAPI path items. */
export const settingsPaths = {
  "/api/auth/update-user": {
    post: post({
      operationId: "updateUser",
      summary: "Change your name",
      description: "The email address is changed with `POST /api/auth/change-email` instead.",
      session: true,
      body: { schema: "UpdateUserRequest", example: "UpdateNameRequest" },
      responses: {
        "200": ok("Changed.", "StatusResponse", ["Done"], "always"),
        "400": badRequest(`${bodyInvalid}; no field to change. (A blank, too long or control-character name is a 422.)`, ["MissingField"]),
      },
    }),
  },
  "/api/auth/change-password": {
    post: post({
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
    post: post({
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
    get: get({
      operationId: "listSessions",
      summary: "Your active sessions",
      description: "Each with its device (`userAgent`), address and last activity (`updatedAt`); its `token` revokes it.",
      session: true,
      responses: { "200": ok("The sessions.", "SessionList", ["Sessions"]) },
    }),
  },
  "/api/auth/revoke-session": {
    post: post({
      operationId: "revokeSession",
      summary: "Sign out one session",
      description: "Ends one of your sessions (a token of another account's session changes nothing).",
      session: true,
      body: { schema: "RevokeSessionRequest", example: "RevokeSessionRequest" },
      responses: { "200": ok("Done.", "StatusResponse", ["Done"]), "400": badRequest(bodyInvalid, ["MissingField"]) },
    }),
  },
  "/api/auth/revoke-other-sessions": {
    post: post({
      operationId: "revokeOtherSessions",
      summary: "Sign out everywhere else",
      description: "Ends every session of yours but this one.",
      session: true,
      responses: { "200": ok("Done.", "StatusResponse", ["Done"]), "400": badRequest("a malformed body (none is needed).", ["MissingField"]), "403": ref("responses", "AuthInvalidOrigin") },
    }),
  },
  "/api/auth/delete-user": {
    post: post({
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
