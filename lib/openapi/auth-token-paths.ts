import { json, ok, operation, get, post, requestId } from "@/lib/openapi/auth-operation";
import { ref } from "@/lib/openapi/refs";

/**
 * The Better Auth endpoints clients use to get an access token, as OpenAPI path items (Better
 * Auth serves more; these are the ones this API supports and documents). The account endpoints,
 * password reset to deletion, are in auth-recovery-paths.ts and auth-settings-paths.ts.
 */
export const tokenPaths = {
  "/api/auth/sign-up/email": {
    post: post({
      operationId: "signUpEmail",
      summary: "Create an account (and sign in)",
      description:
        "Creates the user and a session; the session cookie comes back in `Set-Cookie`. When the server requires verified addresses (`REQUIRE_EMAIL_VERIFICATION`), it emails a link instead (to `callbackURL` afterwards) and starts no session: `token` is null.",
      session: false,
      body: { schema: "SignUpEmailRequest", example: "SignUpRequest" },
      origin: "SignInOrigin",
      responses: {
        "200": ok("Signed up and signed in (or, with verification required, a link sent).", "SignUpResponse", ["SignedUp"], "unlessVerificationRequired"),
        "400": ref("responses", "AuthBadRequest"),
        "422": {
          description:
            "`VALIDATION_ERROR`: the email is already registered, or a field breaks the account rules (checked before Better Auth reads the request; `errors` names each such field): `name` 1–100 characters, not only spaces, no control characters; `email` at most 254 characters; `password` at most 128.",
          headers: requestId,
          content: json("AuthError", ["UserExists", "NameTooLong"]),
        },
        "429": ref("responses", "SignUpRateLimited"),
      },
    }),
  },
  "/api/auth/sign-in/email": {
    post: post({
      operationId: "signInEmail",
      summary: "Sign in with email and password",
      description: "Creates a session; the session cookie comes back in `Set-Cookie`.",
      session: false,
      body: { schema: "SignInEmailRequest", example: "SignInRequest" },
      origin: "SignInOrigin",
      responses: {
        "200": ok("Signed in.", "SignInResponse", ["SignedIn"], "always"),
        "400": ref("responses", "AuthBadRequest"),
        "401": {
          description: "`AUTH_INVALID`: wrong email or password.",
          headers: { "WWW-Authenticate": ref("headers", "WWW-Authenticate"), ...requestId },
          content: json("AuthError", ["InvalidCredentials"]),
        },
        "403": ref("responses", "AuthSignInForbidden"),
        "429": ref("responses", "SignInRateLimited"),
      },
    }),
  },
  "/api/auth/token": {
    get: get({
      operationId: "getAccessToken",
      summary: "Get an access token (JWT) for the API",
      description: "Needs the session cookie (browsers send it; curl: `-b cookies.txt`). The token is valid for 15 minutes by default; ask again for a new one.",
      session: true,
      responses: { "200": ok("The access token.", "TokenResponse", ["AccessToken"]) },
    }),
  },
  "/api/auth/get-session": {
    get: get({
      operationId: "getSession",
      summary: "The current session and user",
      description: "`null` without a session. With one, `set-auth-jwt` carries a fresh access token too.",
      session: "optional",
      responses: {
        "200": {
          description: "The session, or null.",
          headers: { "set-auth-jwt": ref("headers", "set-auth-jwt"), ...requestId },
          content: json("SessionResponse", ["Session", "NoSession"]),
        },
      },
    }),
  },
  "/api/auth/sign-out": {
    post: {
      ...operation({
        operationId: "signOut",
        summary: "Sign out",
        description: "Ends the session. Access tokens already issued stay valid until they expire.",
        session: "optional",
        parameters: [ref("parameters", "AuthOrigin")],
        responses: {
          "200": ok("Signed out (also when there was no session).", "SignOutResponse", ["SignedOut"]),
          "400": ref("responses", "AuthBadRequest"),
          "403": ref("responses", "AuthInvalidOrigin"),
          "413": ref("responses", "AuthPayloadTooLarge"),
        },
      }),
      // It needs no body (Better Auth's client sends `{}`), so no account rule applies (no 422).
      requestBody: { content: { "application/json": { schema: { type: "object" }, example: {} } } },
    },
  },
  "/api/auth/jwks": {
    get: get({
      operationId: "getJwks",
      summary: "The public keys that verify access tokens (JWKS)",
      session: false,
      responses: { "200": ok("A JSON Web Key Set.", "JsonWebKeySet", ["Jwks"]) },
    }),
  },
};
