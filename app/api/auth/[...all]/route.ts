import { withErrorEnvelope } from "@/lib/api/auth-errors";
import { apiRoute } from "@/lib/api/route";
import { getAuth } from "@/lib/auth";

// /api/auth/* – Better Auth: sign-up, sign-in, sign-out, session, token and JWKS endpoints
const handle = apiRoute<{ all: string[] }>("/api/auth/{path}", async (request) => withErrorEnvelope(await getAuth().handler(request)));

export { handle as GET, handle as POST };
