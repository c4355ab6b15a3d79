import { freePort } from "../../tests/support/free-port";
import { addTasksDirectly, createDatabase, dropDatabase, migrate } from "./database";
import { BENCH_PORTS } from "./processes";
import { seedUsers, signUp, type BenchUser } from "./seed";
import { startNext, waitHealthy } from "./servers";

export interface SeedPlan {
  /** Readers, and as many writers (creates and patches go to them, so read lists stay the same). */
  users: number;
  tasksEach: number;
  /** Tasks of the one big user, added with SQL. */
  bigList: number;
}

export interface SeededRun {
  database: { name: string; url: string };
  nextPort: number;
  barePort: number;
  nextUrl: string;
  bareUrl: string;
  readers: BenchUser[];
  writers: BenchUser[];
  bigUser: BenchUser;
  seedMs: number;
}

/**
 * What every bench starts from: a fresh migrated database, two ports of the bench's range (the
 * app's and the bare server's), and users seeded through the API of a first `next start`, which is
 * stopped again. The caller drops the database when done; on a failure here it is dropped at once.
 */
export async function seededRun(adminUrl: string, plan: SeedPlan, server: { cwd?: string; node?: string } = {}): Promise<SeededRun> {
  const database = await createDatabase(adminUrl);
  try {
    await migrate(database.url);
    const nextPort = await freePort({ range: BENCH_PORTS });
    const barePort = await freePort({ range: BENCH_PORTS, taken: [nextPort] });
    const nextUrl = `http://127.0.0.1:${nextPort}`;
    const seeder = startNext({ databaseUrl: database.url, port: nextPort, ...server });
    try {
      await waitHealthy(seeder, nextUrl);
      const started = performance.now();
      const readers = await seedUsers(nextUrl, "reader", plan.users, plan.tasksEach);
      const writers = await seedUsers(nextUrl, "writer", plan.users, plan.tasksEach, plan.users);
      const bigUser = await signUp(nextUrl, "big", 2 * plan.users);
      await addTasksDirectly(database.url, bigUser.id, plan.bigList);
      const seedMs = performance.now() - started;
      return { database, nextPort, barePort, nextUrl, bareUrl: `http://127.0.0.1:${barePort}`, readers, writers, bigUser, seedMs };
    } finally {
      await seeder.stop();
    }
  } catch (error) {
    await dropDatabase(adminUrl, database.name);
    throw error;
  }
}
