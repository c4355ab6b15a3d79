import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Client } from "pg";

const run = promisify(execFile);

/** A fresh database named todo_bench_<time>_<pid> (or BENCH_DATABASE_PREFIX…) on the server of `adminUrl`. */
export async function createDatabase(adminUrl: string): Promise<{ name: string; url: string }> {
  const name = `${process.env.BENCH_DATABASE_PREFIX ?? "todo_bench_"}${Date.now()}_${process.pid}`;
  await withClient(`${adminUrl}/postgres`, (client) => client.query(`CREATE DATABASE "${name}"`));
  return { name, url: `${adminUrl}/${name}` };
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(`${adminUrl}/postgres`, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The project's own migration command, as `npm start` runs it before `next start`. */
export async function migrate(url: string): Promise<void> {
  await run("npm", ["run", "--silent", "db:migrate"], { env: { ...process.env, DATABASE_URL: url } });
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Gives one user `count` more tasks with plain SQL (seeding 100,000 through the API would take
 * minutes and measure nothing the scenarios do not). Rows look like the API's own.
 */
export async function addTasksDirectly(url: string, userId: string, count: number): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(
      `insert into tasks (user_id, title, description, complete, created_at, updated_at)
       select $1, 'bulk task ' || n, case when n % 3 = 0 then null else 'seeded with SQL' end, n % 2 = 0, now(), now()
       from generate_series(1, $2::int) as n`,
      [userId, count],
    );
    await client.query("analyze tasks");
  });
}
