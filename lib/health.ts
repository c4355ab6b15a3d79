import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/index";

const HEALTH_TIMEOUT_MS = 2_000;

/** Whether the database answers a trivial query within two seconds. */
export async function databaseIsUp(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
  });
  const probe = getDb()
    .execute(sql`select 1`)
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
