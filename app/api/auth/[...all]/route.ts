import { withErrorEnvelope } from "@/lib/api/auth-errors";
import { assertTrustedOrigin } from "@/lib/api/origin";
import { apiRoute } from "@/lib/api/route";
import { getAuth } from "@/lib/auth";

// /api/auth/* – Better Auth: sign-up, sign-in, sign-out, session, token and JWKS endpoints
const read = apiRoute<{ all: string[] }>("/api/auth/{path}", async (request) =>
  withErrorEnvelope(await getAuth().handler(request)),
);

// Better Auth checks the Origin of requests that carry its cookies; a sign-up or sign-in has
// none yet, so a foreign page could post one (login CSRF). Every write is checked here first.
const write = apiRoute<{ all: string[] }>("/api/auth/{path}", async (request) => {
  assertTrustedOrigin(request);
  return withErrorEnvelope(await getAuth().handler(request));
});

export { read as GET, write as POST };
