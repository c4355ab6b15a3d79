import { badRequest, bodyInvalid, foreignCallback, json, noEmail, ok, get, post, redirect, requestId } from "@/lib/openapi/auth-operation";
import { ref } from "@/lib/openapi/refs";

/**
 * Password reset and email verification, Better Auth's endpoints as OpenAPI path items (after
 * those of auth-token-paths.ts; kept as data, as YAML they would bury the route file). Every
 * response of the API tests is checked against them.
 */
export const recoveryPaths = {
  "/api/auth/request-password-reset": {
    post: post({
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
    get: get({
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
    post: post({
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
    post: post({
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
    get: get({
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
};
