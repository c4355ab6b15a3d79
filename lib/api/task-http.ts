import "server-only";
import { idempotencyKeyOf, idempotent, requestHash } from "@/lib/api/idempotency";
import { AppError } from "@/lib/errors";
import { noneMatchHits, textEtag, versionsMatching } from "@/lib/tasks/etag";
import type { TaskCreateInput, TaskResponseBody } from "@/lib/tasks/schema";
import { createTask, type Precondition } from "@/lib/tasks/service";
import { etagOf } from "@/lib/tasks/task-etag";

/**
 * A task's HTTP representation, in one place: its ETag, conditional requests (If-Match → 412 with
 * the current task and its ETag, If-None-Match → 304), the created task's Location, and the
 * create's idempotent replay. The service deals in tasks; the headers are made here.
 */

/** If-Match of a write: undefined when absent; "*" or the allowed versions of `taskId` otherwise. */
function ifMatchOf(request: Request, taskId: number): Precondition {
  const header = request.headers.get("if-match");
  return header === null ? undefined : versionsMatching(header, taskId);
}

/**
 * A write of task `taskId` under the request's If-Match (`precondition`): when the version no
 * longer matches, the 412 carries the current task's ETag beside the task itself.
 */
export async function conditionalWrite<T>(request: Request, taskId: number, write: (precondition: Precondition) => Promise<T>): Promise<T> {
  try {
    return await write(ifMatchOf(request, taskId));
  } catch (error) {
    const current = error instanceof AppError && error.code === "PRECONDITION_FAILED" ? (error.extra.task as TaskResponseBody | undefined) : undefined;
    if (!current || !(error instanceof AppError)) throw error;
    throw new AppError(error.code, error.message, { extra: error.extra, headers: { ...error.headers, ETag: etagOf(current) }, cause: error.cause });
  }
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

export function taskResponse(request: Request, task: TaskResponseBody, init: ResponseInit = {}): Response {
  return jsonWithEtag(request, JSON.stringify(task), etagOf(task), init);
}

/** A list's tag is a digest of its JSON text: serialised once, for the digest and the body alike. */
export function listResponse(request: Request, body: unknown, init: ResponseInit = {}): Response {
  const json = JSON.stringify(body);
  return jsonWithEtag(request, json, textEtag(json), init);
}

/**
 * POST: creates the task and answers 201 with its Location and ETag. With an Idempotency-Key the
 * create and its stored response commit together, and a repeat gets that response again.
 */
export async function createdTaskResponse(request: Request, userId: string, input: TaskCreateInput): Promise<Response> {
  const key = idempotencyKeyOf(request);
  const create = async (transaction?: Parameters<typeof createTask>[2]) => {
    const task = await createTask(userId, input, transaction);
    const headers = { Location: `/api/${encodeURIComponent(userId)}/tasks/${task.id}`, ETag: etagOf(task) };
    return { status: 201, body: task, headers };
  };
  if (key === undefined) {
    const { status, body, headers } = await create();
    return Response.json(body, { status, headers });
  }
  return idempotent(userId, key, requestHash(input), create);
}
