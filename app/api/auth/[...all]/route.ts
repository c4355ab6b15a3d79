import { withErrorEnvelope } from "@/lib/api/auth-errors";
import { boundedAuthRequest } from "@/lib/api/auth-request";
import { hasForeignOrigin } from "@/lib/api/origin";
import { apiRoute } from "@/lib/api/route";
import { getAuth } from "@/lib/auth";
import { AppError } from "@/lib/errors";

// /api/auth/* – Better Auth: sign-up, sign-in, sign-out, session, token, JWKS and the account
// endpoints (documented in lib/openapi/auth-token-paths.ts, auth-recovery-paths.ts, auth-settings-paths.ts)
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
