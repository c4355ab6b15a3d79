/**
 * `components.securitySchemes`: the API's access token, the scheduled jobs' secret, and the
 * session cookie under both of its names.
 */

export const securitySchemes = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "An access token from `GET /api/auth/token` (EdDSA-signed JWT, valid 15 minutes by default). " +
      "Its `sub` is your user id, the `{user_id}` of the task paths.",
  },
  cronSecret: {
    type: "http",
    scheme: "bearer",
    description: "The server's `CRON_SECRET`, as Vercel Cron sends it. Only the scheduled jobs take it.",
  },
  // Better Auth names its cookies by the server's scheme: over https (Vercel, any TLS deployment)
  // with the `__Secure-` prefix. A server answers to one of the two names, never both.
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
    description:
      "The session cookie set by sign-up and sign-in, on a server whose URL is `http://` (local development). Browsers send it by themselves; it does not authenticate task requests.",
  },
  secureSessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "__Secure-better-auth.session_token",
    description: "The same session cookie on a server served over `https://` (Vercel, any TLS deployment): Better Auth prefixes its name with `__Secure-`.",
  },
};
