import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/index";
import { tasks } from "@/db/schema";
import { withDatabaseErrors } from "@/db/errors";
import { toTaskResponse } from "@/lib/tasks/service";
import { TASK_EXPORT_COLUMNS, type TaskExportFormat, type TaskResponseBody } from "@/lib/tasks/schema";

/**
 * A user's export, as the text of a file, a page of tasks at a time: however many tasks there
 * are, the server holds one page (keyset by id, so tasks added meanwhile cannot shift it). The
 * first page is read before anything is produced, so a failing database is an ordinary error
 * response, not a truncated file.
 */

export const EXPORT_PAGE = 500;

async function* taskPages(userId: string, pageSize: number): AsyncGenerator<TaskResponseBody[]> {
  for (let after = 0; ; ) {
    const rows = await withDatabaseErrors(() =>
      getDb()
        .select()
        .from(tasks)
        .where(and(eq(tasks.userId, userId), gt(tasks.id, after)))
        .orderBy(asc(tasks.id))
        .limit(pageSize),
    );
    if (rows.length > 0) yield rows.map(toTaskResponse);
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.id;
  }
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(value: string | number | boolean | null): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvRow = (values: (string | number | boolean | null)[]) => `${values.map(csvField).join(",")}\r\n`;

/**
 * JSON: `{"exported_at": …, "tasks": [ … ]}` in the API's task shape (lib/tasks/schema.ts
 * TaskExport). CSV: a header row of the same fields, then one row per task; it starts with a
 * byte-order mark so spreadsheet programs read it as UTF-8.
 */
export async function* exportChunks(userId: string, format: TaskExportFormat, pageSize = EXPORT_PAGE): AsyncGenerator<string> {
  let first = true;
  if (format === "csv") {
    for await (const page of taskPages(userId, pageSize)) {
      yield `${first ? `\ufeff${csvRow(TASK_EXPORT_COLUMNS)}` : ""}${page.map((task) => csvRow(TASK_EXPORT_COLUMNS.map((column) => task[column]))).join("")}`;
      first = false;
    }
    if (first) yield `\ufeff${csvRow(TASK_EXPORT_COLUMNS)}`;
    return;
  }
  const opening = `{"exported_at":${JSON.stringify(new Date().toISOString())},"tasks":[`;
  for await (const page of taskPages(userId, pageSize)) {
    yield `${first ? opening : ","}\n${page.map((task) => JSON.stringify(task)).join(",\n")}`;
    first = false;
  }
  yield first ? `${opening}]}\n` : "\n]}\n";
}
