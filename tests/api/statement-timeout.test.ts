import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/index";
import { STATEMENT_TIMEOUT_MS } from "@/db/drivers/statement-timeout";
import { toErrorResponse } from "@/lib/api/error-response";
import { withDatabaseErrors } from "@/db/errors";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { usingPostgres } from "../support/database";

const rows = async <T>(query: ReturnType<typeof sql>) => ((await getDb().execute(query)) as unknown as { rows: T[] }).rows;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("statement_timeout on every database connection", () => {
  it("is set on each connection the app uses (several at once, so a pool opens more than one)", async () => {
    const settings = await Promise.all(
      Array.from({ length: 6 }, () => rows<{ timeout: string }>(sql`select current_setting('statement_timeout') as timeout, pg_sleep(0.05)`)),
    );
    expect(new Set(settings.map(([row]) => row!.timeout))).toEqual(new Set([`${STATEMENT_TIMEOUT_MS / 1000}s`]));
  });

  it.runIf(usingPostgres)("a slow statement is cancelled in PostgreSQL (57014) and answered 500 DATABASE_ERROR, and is no longer running", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const started = performance.now();
    const error = await withDatabaseErrors(() => getDb().execute(sql`select pg_sleep(${(STATEMENT_TIMEOUT_MS + 3_000) / 1000}) /* statement-timeout-probe */`)).then(
      () => undefined,
      (caught: unknown) => caught as AppError,
    );
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(AppError);
    expect(error!.cause).toMatchObject({ sqlstate: "57014" });
    expect(elapsed).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(STATEMENT_TIMEOUT_MS + 2_000);
    const { response } = toErrorResponse(error, "req-timeout");
    expect(response.status).toBe(500);
    expect(response.headers.get("retry-after")).toBe("2");
    expect((await response.json()).error_code).toBe("DATABASE_ERROR");
    // Cancelled by the server: nothing of it is still running there.
    const running = await rows(sql`select pid from pg_stat_activity where query like '%statement-timeout-probe%' and state = 'active' and pid <> pg_backend_pid()`);
    expect(running).toEqual([]);
  }, 20_000);
});
