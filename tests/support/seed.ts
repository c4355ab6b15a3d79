import { sql } from "drizzle-orm";
import { getDb } from "@/db/index";

/**
 * Inserts `count` tasks for a user straight into the table, for tests that need many (the API
 * would rate-limit a burst of a thousand creates, correctly). Titles are "task 0001", ….
 */
export async function seedTasks(userId: string, count: number, options: { completeEvery?: number } = {}): Promise<void> {
  const every = options.completeEvery ?? 0;
  await getDb().execute(sql`
    insert into tasks (user_id, title, description, complete)
    select ${userId}, 'task ' || lpad(n::text, 4, '0'), 'seeded #' || n, ${every} > 0 and n % ${every} = 0
    from generate_series(1, ${count}) as n`);
}
