import "server-only";
import { and, eq, inArray, lt, sql, type Placeholder, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { prepared } from "@/db/prepared";
import { taskCounts, tasks, type TaskRow } from "@/db/schema";
import { env } from "@/lib/env";
import { withDatabaseErrors } from "@/db/errors";
import { AppError } from "@/lib/errors";
import {
  TaskResponse,
  type TaskCreateInput,
  type TaskPatchInput,
  type TaskResponseBody,
  type TaskUpdateInput,
} from "@/lib/tasks/schema";

/**
 * Task data operations on one task (the list is lib/tasks/list.ts). Every function takes the acting user's id and every query filters on it;
 * none reads the request. A task that is not the user's is never read or written.
 */

/** What an If-Match header allows: any existing version ("*"), or only the versions (updated_at, ms) listed. */
export type Precondition = "*" | number[] | undefined;

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

const ownedBy = (userId: string, taskId: number) => and(eq(tasks.userId, userId), eq(tasks.id, taskId));

/**
 * Why a task the user asked for was not read or written: it belongs to someone else (403) or
 * does not exist (404). Only existence is looked at (the one query here without a user filter):
 * nothing of another user's task is read.
 */
async function missingTaskError(taskId: number): Promise<AppError> {
  const [other] = await withDatabaseErrors(() => getDb().select({ exists: sql<number>`1` }).from(tasks).where(eq(tasks.id, taskId)));
  return other
    ? new AppError("AUTH_FORBIDDEN", "This task belongs to another user.")
    : new AppError("NOT_FOUND", `Task ${taskId} not found.`);
}

/** A conditional write matched nothing: 412 with the current task if it is the user's, else 403/404. */
async function unwrittenError(userId: string, taskId: number, precondition: Precondition): Promise<AppError> {
  if (Array.isArray(precondition)) {
    const [current] = await withDatabaseErrors(() => getDb().select().from(tasks).where(ownedBy(userId, taskId)));
    if (current) {
      return new AppError("PRECONDITION_FAILED", "The task has changed since you read it (If-Match does not match).", {
        extra: { task: toTaskResponse(current) },
      });
    }
  }
  return missingTaskError(taskId);
}

const updatedAtMs = sql`floor(extract(epoch from ${tasks.updatedAt}) * 1000)::bigint`;
const versionAllowed = (precondition: Precondition): SQL | undefined =>
  Array.isArray(precondition) ? (precondition.length ? inArray(updatedAtMs, precondition) : sql`false`) : undefined;

// Strictly later than the previous value even when two writes land in the same millisecond,
// the precision of the API's timestamps.
const nextUpdatedAt = sql`greatest(clock_timestamp(), ${tasks.updatedAt} + interval '1 millisecond')`;

type Bound<T> = T | Placeholder;

/**
 * The create, capped at `limit` tasks per user, in one statement: the user's count row is locked
 * first (an upsert that changes nothing, or creates the row for a first task) and the task is
 * inserted only while the count is under the limit; the insert trigger then counts it under the
 * same lock. Concurrent creates of one user take turns on that row, so the cap holds exactly.
 */
function insertUnderLimit(db: Database, values: { userId: Bound<string>; title: Bound<string>; description: Bound<string | null>; limit: Bound<number> }) {
  const counted = db.$with("counted").as(
    db
      .insert(taskCounts)
      .values({ userId: values.userId })
      .onConflictDoUpdate({ target: taskCounts.userId, set: { total: sql`${taskCounts.total}` } })
      .returning({ total: taskCounts.total }),
  );
  // Drizzle's INSERT … SELECT lists every column of the table, in its order: the id is what its
  // default would give, the rest as a plain insert would set them.
  const row = sql.join([values.userId, values.title, values.description].map((value) => sql`${value}`), sql`, `);
  return db
    .with(counted)
    .insert(tasks)
    .select(sql`select nextval(pg_get_serial_sequence('tasks', 'id')), ${row}, false, now(), now() from ${counted} where ${lt(counted.total, values.limit)}`)
    .returning();
}

const buildCreateTask = (db: Database) =>
  insertUnderLimit(db, {
    userId: sql.placeholder("userId"),
    title: sql.placeholder("title"),
    description: sql.placeholder("description"),
    limit: sql.placeholder("limit"),
  }).prepare("create_task");

/**
 * Creates the task, unless the user already has `MAX_TASKS_PER_USER` (409 TASK_LIMIT_REACHED).
 * `db` is a transaction when the create is part of an idempotent request.
 */
export async function createTask(userId: string, input: TaskCreateInput, db?: Database): Promise<TaskResponseBody> {
  const values = { userId, title: input.title, description: input.description ?? null, limit: env.maxTasksPerUser };
  const [row] = await withDatabaseErrors(() =>
    db ? insertUnderLimit(db, values) : prepared(getDb(), "create_task", buildCreateTask).execute(values),
  );
  if (!row) {
    throw new AppError("TASK_LIMIT_REACHED", `You have ${env.maxTasksPerUser} tasks, the most one account may have. Delete some to add more.`);
  }
  return toTaskResponse(row);
}

const buildGetTask = (db: Database) =>
  db
    .select()
    .from(tasks)
    .where(and(eq(tasks.userId, sql.placeholder("userId")), eq(tasks.id, sql.placeholder("taskId"))))
    .prepare("get_task");

export async function getTask(userId: string, taskId: number): Promise<TaskResponseBody> {
  const [row] = await withDatabaseErrors(() => prepared(getDb(), "get_task", buildGetTask).execute({ userId, taskId }));
  if (!row) throw await missingTaskError(taskId);
  return toTaskResponse(row);
}

export async function updateTask(
  userId: string,
  taskId: number,
  changes: TaskUpdateInput | TaskPatchInput,
  precondition?: Precondition,
): Promise<TaskResponseBody> {
  const db = getDb();
  const [row] = await withDatabaseErrors(() =>
    db
      .update(tasks)
      .set({ ...changes, updatedAt: nextUpdatedAt })
      .where(and(ownedBy(userId, taskId), versionAllowed(precondition)))
      .returning(),
  );
  if (!row) throw await unwrittenError(userId, taskId, precondition);
  return toTaskResponse(row);
}

export async function deleteTask(userId: string, taskId: number, precondition?: Precondition): Promise<void> {
  const db = getDb();
  const rows = await withDatabaseErrors(() =>
    db
      .delete(tasks)
      .where(and(ownedBy(userId, taskId), versionAllowed(precondition)))
      .returning({ id: tasks.id }),
  );
  if (rows.length === 0) throw await unwrittenError(userId, taskId, precondition);
}
