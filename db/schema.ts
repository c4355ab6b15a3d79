import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { TASK_ID_MAX } from "../lib/tasks/limits";

// Better Auth's tables (user, session, account, verification, jwks, the OAuth provider's), in the
// shape its Drizzle adapter expects. Column names are snake_case in the database, camelCase in
// TypeScript.

export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").default(false).notNull(),
  image: text("image"),
  createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .defaultNow()
    .$onUpdate(() => new Date())
    .notNull(),
});

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .$onUpdate(() => new Date())
      .notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
  },
  // expires_at: the cleanup (lib/cleanup.ts) deletes expired sessions in index-range batches.
  (table) => [index("session_user_id_idx").on(table.userId), index("session_expires_at_idx").on(table.expiresAt)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .$onUpdate(() => new Date())
      .notNull(),
  },
  (table) => [index("account_user_id_idx").on(table.userId)],
);

export const verification = pgTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .defaultNow()
      .$onUpdate(() => new Date())
      .notNull(),
  },
  (table) => [index("verification_identifier_idx").on(table.identifier), index("verification_expires_at_idx").on(table.expiresAt)],
);

/** Signing keys of Better Auth's jwt plugin; the id is the JWT `kid`. */
export const jwks = pgTable("jwks", {
  id: text("id").primaryKey(),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
});

/** Better Auth's rate-limit counters (`rateLimit.storage: "database"`): shared by every instance. */
export const rateLimit = pgTable("rate_limit", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

/**
 * The OAuth provider plugin's tables (@better-auth/oauth-provider): clients (registered by MCP
 * assistants), a person's consent to a client, and refresh tokens. Access tokens for the MCP
 * endpoint are JWTs and never stored; `oauth_access_token` holds only the opaque ones the plugin
 * issues when no resource is asked for (the MCP endpoint refuses those).
 */
export const oauthClient = pgTable(
  "oauth_client",
  {
    id: text("id").primaryKey(),
    clientId: text("client_id").notNull().unique(),
    clientSecret: text("client_secret"),
    disabled: boolean("disabled").default(false),
    skipConsent: boolean("skip_consent"),
    enableEndSession: boolean("enable_end_session"),
    subjectType: text("subject_type"),
    scopes: text("scopes").array(),
    userId: text("user_id").references(() => user.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    name: text("name"),
    uri: text("uri"),
    icon: text("icon"),
    contacts: text("contacts").array(),
    tos: text("tos"),
    policy: text("policy"),
    softwareId: text("software_id"),
    softwareVersion: text("software_version"),
    softwareStatement: text("software_statement"),
    redirectUris: text("redirect_uris").array().notNull(),
    postLogoutRedirectUris: text("post_logout_redirect_uris").array(),
    tokenEndpointAuthMethod: text("token_endpoint_auth_method"),
    grantTypes: text("grant_types").array(),
    responseTypes: text("response_types").array(),
    public: boolean("public"),
    type: text("type"),
    requirePKCE: boolean("require_pkce"),
    referenceId: text("reference_id"),
    metadata: jsonb("metadata"),
  },
  // created_at: unused registrations are pruned by age (lib/oauth/clients.ts).
  (table) => [index("oauth_client_user_id_idx").on(table.userId), index("oauth_client_created_at_idx").on(table.createdAt)],
);

export const oauthRefreshToken = pgTable(
  "oauth_refresh_token",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    clientId: text("client_id")
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: "cascade" }),
    sessionId: text("session_id").references(() => session.id, { onDelete: "set null" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    referenceId: text("reference_id"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    revoked: timestamp("revoked", { withTimezone: true }),
    authTime: timestamp("auth_time", { withTimezone: true }),
    scopes: text("scopes").array().notNull(),
  },
  (table) => [
    index("oauth_refresh_token_client_id_idx").on(table.clientId),
    index("oauth_refresh_token_session_id_idx").on(table.sessionId),
    index("oauth_refresh_token_user_id_idx").on(table.userId),
  ],
);

export const oauthAccessToken = pgTable(
  "oauth_access_token",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    clientId: text("client_id")
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: "cascade" }),
    sessionId: text("session_id").references(() => session.id, { onDelete: "set null" }),
    userId: text("user_id").references(() => user.id, { onDelete: "cascade" }),
    referenceId: text("reference_id"),
    refreshId: text("refresh_id").references(() => oauthRefreshToken.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    scopes: text("scopes").array().notNull(),
  },
  (table) => [
    index("oauth_access_token_client_id_idx").on(table.clientId),
    index("oauth_access_token_session_id_idx").on(table.sessionId),
    index("oauth_access_token_user_id_idx").on(table.userId),
    index("oauth_access_token_refresh_id_idx").on(table.refreshId),
  ],
);

/** A person's consent to a client: what "Connected apps" lists, and what every MCP request checks. */
export const oauthConsent = pgTable(
  "oauth_consent",
  {
    id: text("id").primaryKey(),
    clientId: text("client_id")
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: "cascade" }),
    userId: text("user_id").references(() => user.id, { onDelete: "cascade" }),
    referenceId: text("reference_id"),
    scopes: text("scopes").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  // (user, client): the plugin's look-up at every authorization and ours at every MCP request.
  (table) => [index("oauth_consent_user_id_client_id_idx").on(table.userId, table.clientId), index("oauth_consent_client_id_idx").on(table.clientId)],
);

export const tasks = pgTable(
  "tasks",
  {
    // bigint: one sequence serves every user and ids are never reused; int4's 2.1 billion could run
    // out. Capped at 2^53 - 1 so every id is exact as a JSON number (`mode: "number"`). "By
    // default", not "always": the capped create (lib/tasks/service.ts) is an INSERT … SELECT,
    // which Drizzle writes with every column, so it gives the id itself (the sequence's next).
    id: bigint("id", { mode: "number" }).generatedByDefaultAsIdentity({ maxValue: TASK_ID_MAX }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    title: varchar("title", { length: 200 }).notNull(),
    description: varchar("description", { length: 1000 }),
    complete: boolean("complete").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  // Every read is one user's: the key is (user, id), which is also the default list order ("a
  // user's tasks, newest first" walks it backwards). No btree has id alone: walking one, the
  // planner would filter everyone's newer tasks to find a user's page. `id` stays unique through
  // an exclusion constraint on a hash index (no order to walk), which also serves the one lookup
  // by id alone (403 vs 404); Drizzle cannot declare it: see migration 0006.
  // One more index per list order (keyset pagination walks them): user, sort key, then id.
  // The search (`q`, ILIKE '%…%' on title or description) uses trigram indexes (pg_trgm, created
  // in migration 0008): without them every search reads all of the user's tasks.
  (table) => [
    primaryKey({ columns: [table.userId, table.id] }),
    index("tasks_user_id_created_at_idx").on(table.userId, table.createdAt, table.id),
    index("tasks_user_id_updated_at_idx").on(table.userId, table.updatedAt, table.id),
    index("tasks_user_id_title_idx").on(table.userId, table.title, table.id),
    index("tasks_user_id_complete_id_idx").on(table.userId, table.complete, table.id),
    index("tasks_title_trgm_idx").using("gin", table.title.op("gin_trgm_ops")),
    index("tasks_description_trgm_idx").using("gin", table.description.op("gin_trgm_ops")),
  ],
);

export type TaskRow = typeof tasks.$inferSelect;

/**
 * Per-user counts of tasks, maintained by triggers on `tasks` (migration 0003_task_counts_triggers), read
 * by the list so its `count` does not grow with a user's history. Never written by the app.
 */
export const taskCounts = pgTable("task_counts", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  total: integer("total").notNull().default(0),
  completed: integer("completed").notNull().default(0),
});

/**
 * `Idempotency-Key` records for task creation, per user, kept 24 hours. `response` is null while
 * the first request is still running.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    key: varchar("key", { length: 255 }).notNull(),
    requestHash: text("request_hash").notNull(),
    response: jsonb("response").$type<StoredResponse>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    lockedAt: timestamp("locked_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (table) => [primaryKey({ columns: [table.userId, table.key] }), index("idempotency_keys_created_at_idx").on(table.createdAt)],
);

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Per-user request budgets of the task API, shared by every instance (fixed windows). */
export const apiRateLimits = pgTable("api_rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});
