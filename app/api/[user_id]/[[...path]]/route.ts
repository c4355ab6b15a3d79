import { unknownApiPath } from "@/lib/api/route";

// Any other path under /api (a typo such as /api/{user_id}/task, or /api/{user_id}/tasks/1/x):
// the error envelope's 404, not the HTML page Next serves for unknown pages. Static routes
// (auth, openapi.json, tasks) take precedence over this catch-all.
const notFound = unknownApiPath();

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
