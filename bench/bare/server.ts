/**
 * The bare server: the task API on `node:http` + `pg` + `jose` and nothing else, standing for the
 * limit the Next.js app is measured against (`npm run bench`). Same SQL as Drizzle generates, same
 * token checks as lib/api/access-token.ts (EdDSA pinned, iss, aud, exp, kid looked up in the
 * `jwks` table and cached, re-checked every 5 minutes), same Origin and path-user checks, same JSON
 * and error envelope, same headers. No logging: the app's one log line per request is part of
 * what the comparison measures.
 *
 * Run by bench/run.ts as `node --import tsx bench/bare/server.ts` with DATABASE_URL, PORT,
 * JWT_AUDIENCE (the app's origin; tokens are issued by it + /api/auth), TRUSTED_ORIGINS
 * (comma-separated), POOL_MAX and LIST_PAGE_SIZE (0: the whole list, the issue-2 contract; N: the
 * issue-6 default page with `next_cursor`).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { importJWK, jwtVerify, type JWK, type JWTHeaderParameters } from "jose";
import { Pool } from "pg";
import { HttpError, readTaskBody, type Fields } from "./body";

const config = {
  port: Number(process.env.PORT ?? 3301),
  audience: process.env.JWT_AUDIENCE ?? "http://127.0.0.1:3300",
  origins: new Set((process.env.TRUSTED_ORIGINS ?? "").split(",").filter(Boolean)),
  pageSize: Number(process.env.LIST_PAGE_SIZE ?? 0),
};
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 10) });

const COLUMNS = `"id", "user_id", "title", "description", "complete", "created_at", "updated_at"`;
const OWNED = `("tasks"."user_id" = $1 and "tasks"."id" = $2)`;
const NEXT_UPDATED_AT = `greatest(clock_timestamp(), "tasks"."updated_at" + interval '1 millisecond')`;
const HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};
const BEARER = /^Bearer[ \t]+([A-Za-z0-9\-_.~+/]+=*)[ \t]*$/i;
const TASK_ID = /^[1-9][0-9]{0,15}$/;
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

interface TaskRow {
  /** bigint: node-postgres hands it over as a string. */
  id: string;
  user_id: string;
  title: string;
  description: string | null;
  complete: boolean;
  created_at: Date;
  updated_at: Date;
}

const toJson = (row: TaskRow) => ({
  id: Number(row.id),
  user_id: row.user_id,
  title: row.title,
  description: row.description,
  complete: row.complete,
  created_at: row.created_at.toISOString(),
  updated_at: row.updated_at.toISOString(),
});

// Signing keys by kid; a cached key is looked up again after 5 minutes, as in the app.
const keys = new Map<string, { key: Awaited<ReturnType<typeof importJWK>>; checkedAt: number; usableUntil: number }>();
async function keyFor(header: JWTHeaderParameters) {
  const kid: unknown = header.kid;
  if (typeof kid !== "string" || kid.length === 0 || kid.length > 256) throw new Error("no usable key id");
  let entry = keys.get(kid);
  if (!entry || Date.now() - entry.checkedAt >= 300_000) {
    const { rows } = await pool.query<{ public_key: string; expires_at: Date | null }>(
      `select "public_key", "expires_at" from "jwks" where "jwks"."id" = $1`,
      [kid],
    );
    const row = rows[0];
    if (!row) throw new Error("unknown signing key");
    const key = entry?.key ?? (await importJWK(JSON.parse(row.public_key) as JWK, "EdDSA"));
    entry = { key, checkedAt: Date.now(), usableUntil: row.expires_at ? row.expires_at.getTime() + 30 * 86_400_000 : Infinity };
    keys.set(kid, entry);
  }
  if (entry.usableUntil < Date.now()) throw new Error("signing key retired");
  return entry.key;
}

async function authenticate(request: IncomingMessage, pathUser: string): Promise<string> {
  const origin = request.headers.origin;
  if (origin !== undefined && !config.origins.has(origin)) throw new HttpError(403, "AUTH_FORBIDDEN", "Origin not allowed.");
  const header = request.headers.authorization;
  if (!header) throw new HttpError(401, "AUTH_MISSING", "Authentication required: send Authorization: Bearer <token>.");
  const token = BEARER.exec(header)?.[1];
  if (!token) throw new HttpError(401, /^Bearer(\s|$)/i.test(header) ? "AUTH_INVALID" : "AUTH_MISSING", "Invalid authorization.");
  let sub: unknown;
  try {
    const { payload } = await jwtVerify(token, keyFor, {
      algorithms: ["EdDSA"],
      issuer: `${config.audience}/api/auth`,
      audience: config.audience,
      requiredClaims: ["sub", "exp"],
    });
    sub = payload.sub;
  } catch {
    throw new HttpError(401, "AUTH_INVALID", "Invalid access token.");
  }
  if (typeof sub !== "string" || sub.length === 0) throw new HttpError(401, "AUTH_INVALID", "Invalid access token: bad subject.");
  if (sub !== pathUser) throw new HttpError(403, "AUTH_FORBIDDEN", "You may only access your own tasks.");
  return sub;
}

function taskIdOf(raw: string): number {
  const id = Number(raw);
  if (!TASK_ID.test(raw) || id > Number.MAX_SAFE_INTEGER) throw new HttpError(422, "VALIDATION_ERROR", "task_id must be a positive integer");
  return id;
}

async function owned(rows: TaskRow[], taskId: number): Promise<TaskRow> {
  if (rows[0]) return rows[0];
  const other = await pool.query(`select 1 from "tasks" where "tasks"."id" = $1`, [taskId]);
  throw other.rowCount
    ? new HttpError(403, "AUTH_FORBIDDEN", "This task belongs to another user.")
    : new HttpError(404, "NOT_FOUND", `Task ${taskId} not found.`);
}

async function list(userId: string) {
  if (!config.pageSize) {
    const { rows } = await pool.query<TaskRow>(`select ${COLUMNS} from "tasks" where "tasks"."user_id" = $1 order by "tasks"."id" desc`, [userId]);
    return { tasks: rows.map(toJson), count: rows.length };
  }
  const [page, total] = await Promise.all([
    pool.query<TaskRow>(`select ${COLUMNS} from "tasks" where "tasks"."user_id" = $1 order by "tasks"."id" desc limit $2`, [userId, config.pageSize + 1]),
    pool.query<{ count: number }>(`select count(*)::int as "count" from "tasks" where "tasks"."user_id" = $1`, [userId]),
  ]);
  const rows = page.rows.slice(0, config.pageSize);
  const more = page.rows.length > config.pageSize;
  const last = rows.at(-1);
  return { tasks: rows.map(toJson), count: total.rows[0]?.count ?? 0, next_cursor: more && last ? Buffer.from(String(last.id)).toString("base64url") : null };
}

async function update(userId: string, taskId: number, fields: Fields) {
  const entries = Object.entries(fields);
  const set = entries.map(([column], index) => `"${column}" = $${index + 3}`).join(", ");
  const { rows } = await pool.query<TaskRow>(
    `update "tasks" set ${set}, "updated_at" = ${NEXT_UPDATED_AT} where ${OWNED} returning ${COLUMNS}`,
    [userId, taskId, ...entries.map(([, value]) => value)],
  );
  return toJson(await owned(rows, taskId));
}

async function route(request: IncomingMessage, path: string): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
  if (path === "/health") {
    await pool.query("select 1");
    return { status: 200, body: { status: "ok", database: "ok" } };
  }
  const match = /^\/api\/([^/]+)\/tasks(?:\/([^/]+))?$/.exec(path);
  if (!match) throw new HttpError(404, "NOT_FOUND", "Not found.");
  const userId = await authenticate(request, decodeURIComponent(match[1]!));
  const method = request.method ?? "GET";
  if (match[2] === undefined) {
    if (method === "GET") return { status: 200, body: await list(userId) };
    if (method !== "POST") throw new HttpError(405, "METHOD_NOT_ALLOWED", `Method ${method} is not allowed here.`);
    const fields = await readTaskBody(request, "create");
    const { rows } = await pool.query<TaskRow>(
      `insert into "tasks" ("id", "user_id", "title", "description", "complete", "created_at", "updated_at") values (default, $1, $2, $3, default, default, default) returning ${COLUMNS}`,
      [userId, fields.title, fields.description ?? null],
    );
    const task = toJson(rows[0]!);
    return { status: 201, body: task, headers: { location: `/api/${encodeURIComponent(userId)}/tasks/${task.id}` } };
  }
  const taskId = taskIdOf(match[2]);
  if (method === "GET") {
    const { rows } = await pool.query<TaskRow>(`select ${COLUMNS} from "tasks" where ${OWNED}`, [userId, taskId]);
    return { status: 200, body: toJson(await owned(rows, taskId)) };
  }
  if (method === "PUT") return { status: 200, body: await update(userId, taskId, await readTaskBody(request, "replace")) };
  if (method === "PATCH") return { status: 200, body: await update(userId, taskId, await readTaskBody(request, "patch")) };
  if (method === "DELETE") {
    const { rows } = await pool.query(`delete from "tasks" where ${OWNED} returning "id"`, [userId, taskId]);
    if (rows.length === 0) await owned([], taskId);
    return { status: 204 };
  }
  throw new HttpError(405, "METHOD_NOT_ALLOWED", `Method ${method} is not allowed here.`);
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>) {
  const text = body === undefined ? "" : JSON.stringify(body);
  response.writeHead(status, { ...HEADERS, ...headers, ...(text ? { "content-type": "application/json" } : {}) });
  response.end(text);
}

createServer((request, response) => {
  const inbound = request.headers["x-request-id"];
  const requestId = typeof inbound === "string" && SANE_REQUEST_ID.test(inbound) ? inbound : randomUUID();
  const path = (request.url ?? "/").split("?")[0]!;
  route(request, path).then(
    (result) => send(response, result.status, result.body, { ...result.headers, "x-request-id": requestId }),
    (error: unknown) => {
      const known = error instanceof HttpError ? error : undefined;
      // Anything but an HttpError came from pg: the app answers those DATABASE_ERROR too.
      const status = known?.status ?? 500;
      const headers: Record<string, string> = { "x-request-id": requestId };
      if (status === 401) headers["www-authenticate"] = 'Bearer realm="todo-next"';
      if (!known) headers["retry-after"] = "2";
      const body = { detail: known?.message ?? "The database is unavailable. Please retry shortly.", error_code: known?.code ?? "DATABASE_ERROR", timestamp: new Date().toISOString(), ...(known?.errors ? { errors: known.errors } : {}) };
      send(response, status, body, headers);
    },
  );
}).listen(config.port, "127.0.0.1", () => console.log(`bare server on http://127.0.0.1:${config.port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void pool.end().finally(() => process.exit(0)));
}
