import { sql } from "drizzle-orm";
import { getDb } from "@/db/index";

// Each statement stays well inside the pool's 5 s query timeout, even on a loaded machine.
const CHUNK = 5_000;

/**
 * Inserts `count` tasks for a user straight into the table, for tests that need many (the API
 * would rate-limit a burst of a thousand creates, correctly). Titles are "task 0001", ….
 */
export async function seedTasks(userId: string, count: number, options: { completeEvery?: number } = {}): Promise<void> {
  const every = options.completeEvery ?? 0;
  for (let start = 1; start <= count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK - 1);
    await getDb().execute(sql`
      insert into tasks (user_id, title, description, complete)
      select ${userId}, 'task ' || lpad(n::text, 4, '0'), 'seeded #' || n, ${every} > 0 and n % ${every} = 0
      from generate_series(${start}::int, ${end}::int) as n`);
  }
}
