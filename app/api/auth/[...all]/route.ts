import { withErrorEnvelope } from "@/lib/api/auth-errors";
import { boundedAuthRequest } from "@/lib/api/auth-request";
import { hasForeignOrigin } from "@/lib/api/origin";
import { apiRoute } from "@/lib/api/route";
import { getAuth } from "@/lib/auth";
import { AppError } from "@/lib/errors";

/**
 * The Better Auth endpoints clients use to get an access token (Better Auth serves more; these
 * are the ones this API supports and documents; the account endpoints, password reset to
 * deletion, are in lib/openapi/auth-recovery-paths.ts and auth-settings-paths.ts).
 *
 * @swagger
 * /api/auth/sign-up/email:
 *   post:
 *     operationId: signUpEmail
 *     tags: [Authentication]
 *     summary: Create an account (and sign in)
 *     description: >-
 *       Creates the user and a session; the session cookie comes back in `Set-Cookie`. When the
 *       server requires verified addresses (`REQUIRE_EMAIL_VERIFICATION`), it emails a link
 *       instead (to `callbackURL` afterwards) and starts no session: `token` is null.
 *     security: []
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/SignUpEmailRequest" }
 *           examples: { SignUpRequest: { $ref: "#/components/examples/SignUpRequest" } }
 *     responses:
 *       "200":
 *         description: Signed up and signed in (or, with verification required, a link sent).
 *         headers:
 *           Set-Cookie: { $ref: "#/components/headers/SignUpSetCookie" }
 *           X-Request-Id: { $ref: "#/components/headers/X-Request-Id" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/SignUpResponse" }
 *             examples: { SignedUp: { $ref: "#/components/examples/SignedUp" } }
 *       "400": { $ref: "#/components/responses/AuthBadRequest" }
 *       "403": { $ref: "#/components/responses/AuthInvalidOrigin" }
 *       "413": { $ref: "#/components/responses/AuthPayloadTooLarge" }
 *       "422":
 *         description: >-
 *           `VALIDATION_ERROR`: the email is already registered, or a field breaks the account
 *           rules (checked before Better Auth reads the request; `errors` names each such field):
 *           `name` 1–100 characters, not only spaces, no control characters; `email` at most 254
 *           characters; `password` at most 128.
 *         headers: { X-Request-Id: { $ref: "#/components/headers/X-Request-Id" } }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/AuthError" }
 *             examples:
 *               UserExists: { $ref: "#/components/examples/UserExists" }
 *               NameTooLong: { $ref: "#/components/examples/NameTooLong" }
 *       "429": { $ref: "#/components/responses/SignUpRateLimited" }
 *       "500": { $ref: "#/components/responses/AuthServerError" }
 * /api/auth/sign-in/email:
 *   post:
 *     operationId: signInEmail
 *     tags: [Authentication]
 *     summary: Sign in with email and password
 *     description: Creates a session; the session cookie comes back in `Set-Cookie`.
 *     security: []
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/SignInEmailRequest" }
 *           examples: { SignInRequest: { $ref: "#/components/examples/SignInRequest" } }
 *     responses:
 *       "200":
 *         description: Signed in.
 *         headers:
 *           Set-Cookie: { $ref: "#/components/headers/Set-Cookie" }
 *           X-Request-Id: { $ref: "#/components/headers/X-Request-Id" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/SignInResponse" }
 *             examples: { SignedIn: { $ref: "#/components/examples/SignedIn" } }
 *       "400": { $ref: "#/components/responses/AuthBadRequest" }
 *       "401":
 *         description: "`AUTH_INVALID`: wrong email or password."
 *         headers:
 *           WWW-Authenticate: { $ref: "#/components/headers/WWW-Authenticate" }
 *           X-Request-Id: { $ref: "#/components/headers/X-Request-Id" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/AuthError" }
 *             examples: { InvalidCredentials: { $ref: "#/components/examples/InvalidCredentials" } }
 *       "403": { $ref: "#/components/responses/AuthSignInForbidden" }
 *       "413": { $ref: "#/components/responses/AuthPayloadTooLarge" }
 *       "422": { $ref: "#/components/responses/AuthFieldRules" }
 *       "429": { $ref: "#/components/responses/SignInRateLimited" }
 *       "500": { $ref: "#/components/responses/AuthServerError" }
 * /api/auth/token:
 *   get:
 *     operationId: getAccessToken
 *     tags: [Authentication]
 *     summary: Get an access token (JWT) for the API
 *     description: >-
 *       Needs the session cookie (browsers send it; curl: `-b cookies.txt`). The token is valid
 *       for 15 minutes by default; ask again for a new one.
 *     security: [{ sessionCookie: [] }]
 *     responses:
 *       "200":
 *         description: The access token.
 *         headers: { X-Request-Id: { $ref: "#/components/headers/X-Request-Id" } }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TokenResponse" }
 *             examples: { AccessToken: { $ref: "#/components/examples/AccessToken" } }
 *       "401": { $ref: "#/components/responses/AuthNoSession" }
 *       "429": { $ref: "#/components/responses/AuthRateLimited" }
 *       "500": { $ref: "#/components/responses/AuthServerError" }
 * /api/auth/get-session:
 *   get:
 *     operationId: getSession
 *     tags: [Authentication]
 *     summary: The current session and user
 *     description: "`null` without a session. With one, `set-auth-jwt` carries a fresh access token too."
 *     security: [{ sessionCookie: [] }, {}]
 *     responses:
 *       "200":
 *         description: The session, or null.
 *         headers:
 *           set-auth-jwt: { $ref: "#/components/headers/set-auth-jwt" }
 *           X-Request-Id: { $ref: "#/components/headers/X-Request-Id" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/SessionResponse" }
 *             examples:
 *               Session: { $ref: "#/components/examples/Session" }
 *               NoSession: { $ref: "#/components/examples/NoSession" }
 *       "429": { $ref: "#/components/responses/AuthRateLimited" }
 *       "500": { $ref: "#/components/responses/AuthServerError" }
 * /api/auth/sign-out:
 *   post:
 *     operationId: signOut
 *     tags: [Authentication]
 *     summary: Sign out
 *     description: Ends the session. Access tokens already issued stay valid until they expire.
 *     security: [{ sessionCookie: [] }, {}]
 *     requestBody:
 *       content:
 *         application/json:
 *           schema: { type: object }
 *           example: {}
 *     responses:
 *       "200":
 *         description: Signed out (also when there was no session).
 *         headers: { X-Request-Id: { $ref: "#/components/headers/X-Request-Id" } }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/SignOutResponse" }
 *             examples: { SignedOut: { $ref: "#/components/examples/SignedOut" } }
 *       "400": { $ref: "#/components/responses/AuthBadRequest" }
 *       "403": { $ref: "#/components/responses/AuthInvalidOrigin" }
 *       "413": { $ref: "#/components/responses/AuthPayloadTooLarge" }
 *       "429": { $ref: "#/components/responses/AuthRateLimited" }
 *       "500": { $ref: "#/components/responses/AuthServerError" }
 * /api/auth/jwks:
 *   get:
 *     operationId: getJwks
 *     tags: [Authentication]
 *     summary: The public keys that verify access tokens (JWKS)
 *     security: []
 *     responses:
 *       "200":
 *         description: A JSON Web Key Set.
 *         headers: { X-Request-Id: { $ref: "#/components/headers/X-Request-Id" } }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/JsonWebKeySet" }
 *             examples: { Jwks: { $ref: "#/components/examples/Jwks" } }
 *       "429": { $ref: "#/components/responses/AuthRateLimited" }
 *       "500": { $ref: "#/components/responses/AuthServerError" }
 */
// /api/auth/* – Better Auth: sign-up, sign-in, sign-out, session, token, JWKS and the account endpoints
const read = apiRoute<{ all: string[] }>("/api/auth/{path}", async (request) =>
  withErrorEnvelope(await getAuth().handler(request)),
);

// Better Auth checks the Origin of requests that carry its cookies; a sign-up or sign-in has
// none yet, so a foreign page could post one (login CSRF). Every write is checked here first,
// and refused with Better Auth's own fields too (its client library reads `code`). Its body is
// then bounded and its account fields checked before Better Auth parses anything.
const write = apiRoute<{ all: string[] }>("/api/auth/{path}", async (request) => {
  if (hasForeignOrigin(request)) {
    throw new AppError("AUTH_FORBIDDEN", "Invalid origin", { extra: { code: "INVALID_ORIGIN", message: "Invalid origin" } });
  }
  return withErrorEnvelope(await getAuth().handler(await boundedAuthRequest(request)));
});

export { read as GET, write as POST };
