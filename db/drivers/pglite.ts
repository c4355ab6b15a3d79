import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import path from "node:path";
import * as schema from "../schema";
import { lockDataDir } from "../data-dir-lock";
import { SET_STATEMENT_TIMEOUT } from "./statement-timeout";

export function openPglite(dataDir: string) {
  const release = dataDir === "memory://" ? () => {} : lockDataDir(path.join(dataDir, "pglite"));
  // pg_trgm backs the list's search (migration 0008 creates the extension).
  const client = new PGlite(dataDir === "memory://" ? "memory://" : path.join(dataDir, "pglite"), { extensions: { pg_trgm } });
  // Queued before any query of the app. PGlite runs in this process's thread, without timers:
  // it accepts the setting but cannot interrupt a statement (see docs/api-hardening.md).
  void client.exec(SET_STATEMENT_TIMEOUT).catch(() => undefined);
  return {
    db: drizzle({ client, schema }),
    close: async () => {
      await client.close();
      release();
    },
  };
}
