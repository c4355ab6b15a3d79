import { randomUUID } from "node:crypto";

// An inbound X-Request-Id is echoed only when it is short and plain: it ends up in our logs.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export function requestIdOf(request: Request): string {
  const inbound = request.headers.get("x-request-id");
  return inbound && SANE_REQUEST_ID.test(inbound) ? inbound : randomUUID();
}
