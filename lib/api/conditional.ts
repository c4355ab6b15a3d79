import "server-only";
import { noneMatchHits, textEtag, versionsMatching } from "@/lib/tasks/etag";
import type { Precondition, VersionedTask } from "@/lib/tasks/service";

/** If-Match of a write: undefined when absent; "*" or the allowed versions of `taskId` otherwise. */
export function ifMatchOf(request: Request, taskId: number): Precondition {
  const header = request.headers.get("if-match");
  return header === null ? undefined : versionsMatching(header, taskId);
}

/** A JSON response (its text already serialised) with its ETag, or 304 Not Modified when If-None-Match already has it. */
function jsonWithEtag(request: Request, json: string, etag: string, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("ETag", etag);
  const inm = request.headers.get("if-none-match");
  if (inm !== null && request.method === "GET" && noneMatchHits(inm, etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", "application/json");
  return new Response(json, { ...init, headers });
}

export function taskResponse(request: Request, { task, etag }: VersionedTask, init: ResponseInit = {}): Response {
  return jsonWithEtag(request, JSON.stringify(task), etag, init);
}

/** A list's tag is a digest of its JSON text: serialised once, for the digest and the body alike. */
export function listResponse(request: Request, body: unknown, init: ResponseInit = {}): Response {
  const json = JSON.stringify(body);
  return jsonWithEtag(request, json, textEtag(json), init);
}
