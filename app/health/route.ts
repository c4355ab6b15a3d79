import { apiRoute } from "@/lib/api/route";
import { databaseIsUp } from "@/lib/health";

// GET /health – liveness and database reachability; no authentication
export const GET = apiRoute("/health", async () =>
  (await databaseIsUp())
    ? Response.json({ status: "ok", database: "ok" })
    : Response.json({ status: "unavailable", database: "unavailable" }, { status: 503, headers: { "Retry-After": "2" } }),
);
