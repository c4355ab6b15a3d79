import { prepareTestDatabase } from "./database";

// Runs before every test file; the work happens once per worker.
await prepareTestDatabase();
