/** `components.headers`: the response headers the operations and responses refer to. */

export const headers = {
  "X-Request-Id": {
    description: "The request's id: a sane inbound `X-Request-Id` is echoed, otherwise a UUID is generated. It is in the request's log line.",
    required: true,
    schema: { type: "string", pattern: "^[A-Za-z0-9._:@-]{1,128}$" },
  },
  RedirectLocation: { description: "Where the browser goes next.", required: true, schema: { type: "string" }, example: "http://localhost:3000/reset-password?token=lE3dTwNVsiDJbh46e9HEziI9" },
  ExportDisposition: {
    description: "A download, named after the day: `attachment; filename=\"todo-next-tasks-YYYY-MM-DD.json\"` (or `.csv`).",
    required: true,
    schema: { type: "string", pattern: '^attachment; filename="todo-next-tasks-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.(json|csv)"$' },
  },
  Location: { description: "Path of the new task.", required: true, schema: { type: "string" }, example: "/api/r52qfLsfv3UTmI616zevb0j5Mkk09vcy/tasks/42" },
  "WWW-Authenticate": { description: "Always `Bearer`.", required: true, schema: { type: "string" }, example: 'Bearer realm="todo-next"' },
  Allow: { description: "The methods this path serves.", required: true, schema: { type: "string" }, example: "GET, POST" },
  "Retry-After": { description: "Seconds to wait before retrying (with `DATABASE_ERROR`).", schema: { type: "integer", minimum: 1 } },
  TaskETag: {
    description: "The task's strong entity tag, `\"<id>.<updated_at in ms>\"`; every write moves `updated_at` forward, so the tag changes with every write. Send it as `If-Match` (writes) or `If-None-Match` (reads).",
    required: true,
    schema: { type: "string", pattern: '^"[0-9]+\\.[0-9]+"$' },
    example: '"42.1768462200000"',
  },
  ListETag: {
    description: "The page's strong entity tag: a digest of the exact body (tasks, `count`, `next_cursor`). Send it as `If-None-Match`.",
    required: true,
    schema: { type: "string", pattern: '^"[A-Za-z0-9_-]+"$' },
    example: '"m3vJ0oE6hVYbN0r6l2mF1yq8sXw"',
  },
  NextLink: {
    description: "The next page (RFC 8288), only when there is one: the same query with `cursor` set.",
    schema: { type: "string", pattern: '^<[^>]+>; rel="next"$' },
    example: '</api/r52qfLsfv3UTmI616zevb0j5Mkk09vcy/tasks?limit=20&cursor=eyJzIjoiaWQi…>; rel="next"',
  },
  IdempotentReplayed: {
    description: "`true` when this is the stored response of an earlier request with the same `Idempotency-Key` (nothing was created this time).",
    schema: { type: "string", enum: ["true"] },
  },
  RateLimitPolicy: {
    description:
      "The per-user budget (IETF RateLimit header fields): `q` requests per `w` seconds, counted across all instances. On every successful task response; absent when the server turns the limit off (`RATE_LIMIT_REQUESTS=0`).",
    schema: { type: "string", pattern: '^"per-user";q=[0-9]+;w=[0-9]+$' },
    example: '"per-user";q=100;w=1',
  },
  RateLimit: {
    description: "Where you stand: `r` requests left in this window, which ends in `t` seconds. Present with `RateLimit-Policy`.",
    schema: { type: "string", pattern: '^"per-user";r=[0-9]+;t=[0-9]+$' },
    example: '"per-user";r=99;t=1',
  },
  RateLimitPolicyExceeded: {
    description: "The per-user budget: `q` requests per `w` seconds.",
    required: true,
    schema: { type: "string", pattern: '^"per-user";q=[0-9]+;w=[0-9]+$' },
    example: '"per-user";q=100;w=1',
  },
  RateLimitExceeded: {
    description: "`r=0`: nothing left; the window ends in `t` seconds.",
    required: true,
    schema: { type: "string", pattern: '^"per-user";r=0;t=[0-9]+$' },
    example: '"per-user";r=0;t=1',
  },
  RetryAfterRateLimit: { description: "Seconds until the window ends and requests are accepted again.", required: true, schema: { type: "integer", minimum: 1 }, example: 1 },
  RetryAfterInUse: {
    description:
      "With `IDEMPOTENCY_KEY_IN_USE` (always sent then): seconds to wait before repeating the request (by then the first has usually finished). Not sent with `TASK_LIMIT_REACHED`: waiting does not help.",
    // OpenAPI cannot make a header required for one error code only; tests/support/contract.ts reads this.
    "x-required-with-error-codes": ["IDEMPOTENCY_KEY_IN_USE"],
    schema: { type: "integer", minimum: 1 },
    example: 1,
  },
  PreflightAllow: { description: "The methods this path serves, `OPTIONS` included.", required: true, schema: { type: "string" }, example: "GET, POST, OPTIONS" },
  "Access-Control-Allow-Origin": { description: "The asking `Origin`, only when it is trusted (the app's own origin or `TRUSTED_ORIGINS`).", schema: { type: "string" } },
  "Access-Control-Allow-Methods": { description: "With a trusted `Origin`: the methods a page may send.", schema: { type: "string" }, example: "GET, PUT, PATCH, DELETE, OPTIONS" },
  "Access-Control-Allow-Headers": {
    description: "With a trusted `Origin`: the request headers a page may send.",
    schema: { type: "string" },
    example: "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, X-Request-Id",
  },
  "Access-Control-Max-Age": { description: "With a trusted `Origin`: seconds a browser may cache this answer.", schema: { type: "integer", minimum: 0 }, example: 600 },
  Vary: { description: "Always `Origin`: the answer depends on it.", required: true, schema: { type: "string" }, example: "Origin" },
  "X-Retry-After": { description: "Seconds until the rate limit window ends.", required: true, schema: { type: "integer", minimum: 0 } },
  "Set-Cookie": {
    description:
      "The session cookie (`better-auth.session_token`; over https `__Secure-better-auth.session_token`, Secure; HttpOnly, SameSite=Lax). Browsers keep it; with curl use `-c cookies.txt`.",
    required: true,
    schema: { type: "string" },
  },
  SignUpSetCookie: {
    description: "The session cookie, as for sign-in; absent when the server requires verified addresses (the emailed link signs in instead).",
    schema: { type: "string" },
  },
  "set-auth-jwt": { description: "A fresh access token for the session (the same JWT `GET /api/auth/token` returns).", schema: { type: "string" } },
};
