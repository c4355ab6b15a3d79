import { z } from "zod";
import { EMAIL_MAX, IMAGE_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth-schema";
import { ErrorBody, FieldErrorBody } from "@/lib/error-schema";

/**
 * The bodies of the Better Auth endpoints clients use to get a token, as Better Auth 1.6 sends
 * them. Better Auth owns these shapes, so its objects are open (a field it adds does not break
 * the contract test); the fields listed are the ones clients rely on, and every API test response
 * is checked against them.
 */

const timestamp = z.iso.datetime();

export const AuthUser = z.looseObject({
  id: z.string().meta({ description: "The user id: `{user_id}` in the task paths and `sub` of the token." }),
  email: z.email(),
  name: z.string(),
  emailVerified: z.boolean(),
  image: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const AuthSessionRecord = z.looseObject({
  id: z.string(),
  userId: z.string(),
  token: z.string(),
  expiresAt: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  ipAddress: z.string().nullable().optional(),
  userAgent: z.string().nullable().optional(),
});

const callbackURL = z.string().optional().meta({ description: "Sign-up with verification required: the path the emailed link leads to (the app uses `/verified`). Otherwise unused." });
const rememberMe = z.boolean().optional().meta({ description: "`false`: the session ends with the browser session." });

export const SignUpEmailRequest = z.looseObject({
  name: z.string().min(1).max(NAME_MAX).meta({ description: `Display name: 1–${NAME_MAX} characters, not only spaces, no control characters (line breaks, tabs, …).` }),
  email: z.email().max(EMAIL_MAX),
  password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
  image: z.string().max(IMAGE_MAX).optional(),
  callbackURL,
  rememberMe,
});

export const SignInEmailRequest = z.looseObject({
  email: z.email().max(EMAIL_MAX),
  password: z.string().min(1).max(PASSWORD_MAX),
  callbackURL,
  rememberMe,
});

export const SignUpResponse = z.looseObject({
  token: z.string().nullable().meta({ description: "The session token (also set as the session cookie); not the API's JWT." }),
  user: AuthUser,
});

export const SignInResponse = SignUpResponse.extend({
  redirect: z.boolean(),
  token: z.string().meta({ description: "The session token (also set as the session cookie); not the API's JWT." }),
  url: z.string().optional(),
});

export const TokenResponse = z.strictObject({
  token: z.string().meta({ description: "The API's access token: an EdDSA-signed JWT, valid 15 minutes by default." }),
});

export const SessionResponse = z
  .looseObject({ session: AuthSessionRecord, user: AuthUser })
  .nullable()
  .meta({ description: "The current session and user, or `null` when there is none." });

export const SignOutResponse = z.strictObject({ success: z.boolean() });

// This API signs with Ed25519 (`kty` OKP, `crv` Ed25519, `alg` EdDSA); the set may hold other
// public keys (a rotation), so the members are those of any public JWK.
const PublicJwk = z.looseObject({
  kty: z.string(),
  kid: z.string(),
  alg: z.string(),
  crv: z.string().optional(),
  x: z.string().optional(),
  y: z.string().optional(),
  n: z.string().optional(),
  e: z.string().optional(),
});

export const JsonWebKeySet = z.strictObject({ keys: z.array(PublicJwk) });

/** Better Auth's own `{message, code}` are kept beside the envelope, for its client library. */
export const AuthError = ErrorBody.extend({
  message: z.string().optional().meta({ description: "Better Auth's message (same as `detail`)." }),
  code: z.string().optional().meta({ description: "Better Auth's code, e.g. `INVALID_EMAIL_OR_PASSWORD`." }),
  errors: z
    .array(FieldErrorBody)
    .min(1)
    .optional()
    .meta({ description: "On a 422 for the account rules (checked before Better Auth reads the request): one entry per field that breaks them." }),
});

// The account endpoints (password reset, verification, settings, deletion): lib/openapi/auth-recovery-paths.ts, auth-settings-paths.ts.

const newPassword = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const callbackPath = z.string().optional().meta({ description: "A path of this site to land on after following the emailed link, e.g. `/verified`." });

export const RequestPasswordResetRequest = z.looseObject({
  email: z.email().max(EMAIL_MAX),
  redirectTo: z.string().optional().meta({ description: "The page of this site that takes the new password (the app uses `/reset-password`); the link leads there with `?token=`." }),
});

export const ResetPasswordRequest = z.looseObject({
  newPassword,
  token: z.string().min(1).meta({ description: "The `token` the emailed link brought to the page." }),
});

export const SendVerificationEmailRequest = z.looseObject({ email: z.email().max(EMAIL_MAX), callbackURL: callbackPath });

export const UpdateUserRequest = z.looseObject({
  name: z.string().min(1).max(NAME_MAX).optional().meta({ description: `Display name: 1–${NAME_MAX} characters, not only spaces, no control characters.` }),
  image: z.string().max(IMAGE_MAX).nullable().optional(),
});

export const ChangePasswordRequest = z.looseObject({
  currentPassword: z.string().max(PASSWORD_MAX),
  newPassword,
  revokeOtherSessions: z.boolean().optional().meta({ description: "`true` (what the app sends): every other session ends; this one gets a new token." }),
});

export const ChangeEmailRequest = z.looseObject({ newEmail: z.email().max(EMAIL_MAX), callbackURL: callbackPath });

export const RevokeSessionRequest = z.looseObject({ token: z.string().meta({ description: "The session's `token`, as `GET /api/auth/list-sessions` lists it." }) });

export const DeleteUserRequest = z.looseObject({
  password: z.string().min(1).max(PASSWORD_MAX).meta({ description: "Required by this app (Better Auth alone would accept a recent session instead)." }),
});

export const StatusResponse = z.looseObject({ status: z.boolean() });

export const StatusMessageResponse = StatusResponse.extend({ message: z.string() });

export const ChangePasswordResponse = z.looseObject({
  token: z.string().nullable().meta({ description: "The new session token (also set as the cookie) when other sessions were revoked." }),
  user: AuthUser,
});

export const VerifyEmailResponse = StatusResponse.extend({ user: AuthUser.optional() });

export const SessionList = z.array(AuthSessionRecord).meta({ description: "The user's active sessions, the current one included." });

export const DeleteUserResponse = z.looseObject({ success: z.boolean(), message: z.string() });
