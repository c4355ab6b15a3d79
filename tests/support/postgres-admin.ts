import { Client } from "pg";

/** An admin URL of a PostgreSQL server the smoke tests may create databases on; unset, they are skipped. */
export const adminUrl = process.env.SMOKE_POSTGRES_URL;

/** One statement on its own connection (the admin URL unless another is given): its rows. */
export async function admin<T = Record<string, unknown>>(sql: string, url = adminUrl): Promise<T[]> {
  if (!url) throw new Error("SMOKE_POSTGRES_URL is not set");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}
