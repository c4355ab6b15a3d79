import { accountGone, AppError } from "@/lib/errors";

const FOREIGN_KEY_VIOLATION = "23503";

/**
 * Failures of the database, in one place: every query of the app runs through
 * `withDatabaseErrors` (or hands what it caught to `databaseError`), which turns what the driver
 * threw into the app's one error class.
 *
 * - A data exception (SQLSTATE class 22: a malformed date, a number out of range, a string too
 *   long…) means a request value got past validation: the request is refused with a 422, never
 *   answered 500. The one exception, 2200H (a sequence has run out), is the server's problem.
 * - A foreign-key violation: every foreign key of the schema names the user, so a write that
 *   breaks one raced the deletion of its account; it is refused like the deleted account's token.
 * - Anything else (unreachable, timed out, cancelled by `statement_timeout`, refused) is a 500
 *   DATABASE_ERROR with Retry-After.
 *
 * The error kept for the log is `loggableError`'s: SQLSTATE and the SQL text, never the values
 * bound to it (task text, idempotency keys) nor the server's message, which quotes them.
 */
export function databaseError(cause: unknown): AppError {
  if (cause instanceof AppError) return cause;
  const sqlstate = sqlStateOf(cause);
  if (sqlstate === FOREIGN_KEY_VIOLATION) return accountGone(loggableError(cause));
  if (sqlstate?.startsWith("22") && sqlstate !== "2200H") {
    const msg = "A value in this request is out of range or malformed.";
    return new AppError("VALIDATION_ERROR", `Validation failed: ${msg}`, {
      errors: [{ loc: ["request"], msg, type: "value_error" }],
      cause: loggableError(cause),
    });
  }
  return new AppError("DATABASE_ERROR", "The database is unavailable. Please retry shortly.", {
    headers: { "Retry-After": "2" },
    cause: loggableError(cause),
  });
}

/** Runs database work; whatever it throws comes out as `databaseError` says. */
export async function withDatabaseErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw databaseError(error);
  }
}

/** The errors a failure wraps: Drizzle's DrizzleQueryError holds the driver's error as `cause`. */
function* causeChain(error: unknown): Generator<Record<string, unknown>> {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 8; depth += 1) {
    yield current as Record<string, unknown>;
    current = (current as { cause?: unknown }).cause;
  }
}

/** The SQLSTATE of an error PostgreSQL sent (every driver keeps it as `code`, beside `severity`). */
export function sqlStateOf(error: unknown): string | undefined {
  for (const link of causeChain(error)) {
    if (typeof link.code === "string" && /^[0-9A-Z]{5}$/.test(link.code) && typeof link.severity === "string") return link.code;
  }
  return undefined;
}

const pick = (source: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((key) => typeof source[key] === "string").map((key) => [key, source[key]]));

/**
 * What may be logged of a failure. A failed query's message ("Failed query: … params: …"), its
 * stack (which starts with that message), its `params` and the server's message and detail all
 * carry the request's values; what is kept is the SQLSTATE, the SQL text (placeholders only) and
 * the names of what failed. Other errors (a refused connection, a client timeout) keep their
 * message and stack: the drivers put no values in those.
 */
export function loggableError(error: unknown): unknown {
  const chain = [...causeChain(error)];
  const query = chain.find((link) => typeof link.query === "string" && "params" in link)?.query as string | undefined;
  const server = chain.find((link) => typeof link.code === "string" && typeof link.severity === "string");
  if (server) {
    return { sqlstate: server.code, ...pick(server, ["severity", "routine", "table", "column", "constraint"]), ...(query ? { query: query.slice(0, 2000) } : {}) };
  }
  const root = chain.at(-1);
  if (root instanceof Error && !("params" in root)) {
    return { name: root.name, message: root.message, ...pick(root as unknown as Record<string, unknown>, ["code"]), stack: root.stack, ...(query ? { query: query.slice(0, 2000) } : {}) };
  }
  return root && "params" in root ? { name: root.name, ...(query ? { query: query.slice(0, 2000) } : {}) } : error;
}
