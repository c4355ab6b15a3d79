import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import path from "node:path";
import * as schema from "../schema";
import { lockDataDir } from "../data-dir-lock";

export function openPglite(dataDir: string) {
  const release = dataDir === "memory://" ? () => {} : lockDataDir(path.join(dataDir, "pglite"));
  const client = new PGlite(dataDir === "memory://" ? "memory://" : path.join(dataDir, "pglite"));
  return {
    db: drizzle({ client, schema }),
    close: async () => {
      await client.close();
      release();
    },
  };
}
