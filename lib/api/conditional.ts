import "server-only";
import { bodyEtag, noneMatchHits, versionsMatching } from "@/lib/tasks/etag";
import type { Precondition, VersionedTask } from "@/lib/tasks/service";

/** If-Match of a write: undefined when absent; "*" or the allowed versions of `taskId` otherwise. */
export function ifMatchOf(request: Request, taskId: number): Precondition {
  const header = request.headers.get("if-match");
  return header === null ? undefined : versionsMatching(header, taskId);
}

/** A JSON response with its ETag, or 304 Not Modified when If-None-Match already has it. */
export function jsonWithEtag(request: Request, body: unknown, etag: string, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("ETag", etag);
  const inm = request.headers.get("if-none-match");
  if (inm !== null && request.method === "GET" && noneMatchHits(inm, etag)) {
    return new Response(null, { status: 304, headers });
  }
  return Response.json(body, { ...init, headers });
}

export function taskResponse(request: Request, { task, etag }: VersionedTask, init: ResponseInit = {}): Response {
  return jsonWithEtag(request, task, etag, init);
}

export function listResponse(request: Request, body: unknown, init: ResponseInit = {}): Response {
  return jsonWithEtag(request, body, bodyEtag(body), init);
}
