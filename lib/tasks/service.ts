import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { tasks, type TaskRow } from "@/db/schema";
import { AppError, databaseError } from "@/lib/errors";
import {
  TaskResponse,
  type TaskCreateInput,
  type TaskListResponseBody,
  type TaskPatchInput,
  type TaskResponseBody,
  type TaskUpdateInput,
} from "@/lib/tasks/schema";

/**
 * Task data operations. Every function takes the acting user's id and every query filters on it;
 * none reads the request. A task that is not the user's is never read or written.
 */

/** Responses pass through the output schema, so what the API returns is what the docs say. */
export function toTaskResponse(row: TaskRow): TaskResponseBody {
  return TaskResponse.parse({
    id: row.id,
    user_id: row.userId,
    title: row.title,
    description: row.description,
    complete: row.complete,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  });
}

async function query<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw databaseError(error);
  }
}

/**
 * Why a task the user asked for is not theirs: it belongs to someone else (403) or does not
 * exist (404). Only existence is looked at (the one query here without a user filter): nothing
 * of another user's task is read.
 */
async function missingTaskError(taskId: number): Promise<AppError> {
  const [other] = await query(() =>
    getDb().select({ exists: sql<number>`1` }).from(tasks).where(eq(tasks.id, taskId)),
  );
  return other
    ? new AppError("AUTH_FORBIDDEN", "This task belongs to another user.")
    : new AppError("NOT_FOUND", `Task ${taskId} not found.`);
}

async function expectOwned(taskId: number, rows: TaskRow[]): Promise<TaskRow> {
  const [row] = rows;
  if (!row) throw await missingTaskError(taskId);
  return row;
}

const ownedBy = (userId: string, taskId: number) => and(eq(tasks.userId, userId), eq(tasks.id, taskId));

// Strictly later than the previous value even when two writes land in the same millisecond,
// the precision of the API's timestamps.
const nextUpdatedAt = sql`greatest(clock_timestamp(), ${tasks.updatedAt} + interval '1 millisecond')`;

export async function listTasks(userId: string): Promise<TaskListResponseBody> {
  const rows = await query(() =>
    getDb().select().from(tasks).where(eq(tasks.userId, userId)).orderBy(desc(tasks.id)),
  );
  return { tasks: rows.map(toTaskResponse), count: rows.length };
}

export async function createTask(userId: string, input: TaskCreateInput): Promise<TaskResponseBody> {
  const [row] = await query(() =>
    getDb()
      .insert(tasks)
      .values({ userId, title: input.title, description: input.description ?? null })
      .returning(),
  );
  return toTaskResponse(row as TaskRow);
}

export async function getTask(userId: string, taskId: number): Promise<TaskResponseBody> {
  const rows = await query(() => getDb().select().from(tasks).where(ownedBy(userId, taskId)));
  return toTaskResponse(await expectOwned(taskId, rows));
}

export async function updateTask(
  userId: string,
  taskId: number,
  changes: TaskUpdateInput | TaskPatchInput,
): Promise<TaskResponseBody> {
  const db = getDb();
  const rows = await query(() =>
    db
      .update(tasks)
      .set({ ...changes, updatedAt: nextUpdatedAt })
      .where(ownedBy(userId, taskId))
      .returning(),
  );
  return toTaskResponse(await expectOwned(taskId, rows));
}

export async function deleteTask(userId: string, taskId: number): Promise<void> {
  const db = getDb();
  const rows = await query(() => db.delete(tasks).where(ownedBy(userId, taskId)).returning({ id: tasks.id }));
  if (rows.length === 0) throw await missingTaskError(taskId);
}
