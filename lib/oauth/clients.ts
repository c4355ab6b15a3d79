import "server-only";
import { and, eq, isNull, lt, notExists, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { oauthClient, oauthConsent, oauthRefreshToken } from "@/db/schema";
import { withDatabaseErrors } from "@/db/errors";

/** A registration nobody connected within this long is deleted (see pruneUnusedClients). */
export const UNUSED_CLIENT_TTL = sql`interval '24 hours'`;

export interface PublicClient {
  clientId: string;
  /** As the client registered it (untrusted text); null when it gave none. */
  name: string | null;
  uri: string | null;
}

export async function findPublicClient(clientId: string): Promise<PublicClient | undefined> {
  const [row] = await withDatabaseErrors(() =>
    getDb()
      .select({ clientId: oauthClient.clientId, name: oauthClient.name, uri: oauthClient.uri })
      .from(oauthClient)
      .where(and(eq(oauthClient.clientId, clientId), sql`coalesce(${oauthClient.disabled}, false) = false`)),
  );
  return row;
}

/**
 * Anyone may register a client (dynamic client registration, as MCP clients expect), so
 * registrations that never led to a connection — no consent, no refresh token, no owner — are
 * deleted after a day: what anonymous callers write stays bounded by the registration rate limit
 * times a day. Called after each registration; it deletes only what crossed the line since.
 */
export async function pruneUnusedClients(): Promise<void> {
  const db = getDb();
  await withDatabaseErrors(() =>
    db
      .delete(oauthClient)
      .where(
        and(
          isNull(oauthClient.userId),
          lt(oauthClient.createdAt, sql`now() - ${UNUSED_CLIENT_TTL}`),
          notExists(db.select({ one: sql`1` }).from(oauthConsent).where(eq(oauthConsent.clientId, oauthClient.clientId))),
          notExists(db.select({ one: sql`1` }).from(oauthRefreshToken).where(eq(oauthRefreshToken.clientId, oauthClient.clientId))),
        ),
      ),
  );
}

/**
 * Refresh tokens rotate on every use, and the plugin keeps the spent ones (to spot a replayed
 * token) until they expire; it never deletes them. After each token request the client's expired
 * ones go, so a connection holds at most one refresh lifetime's worth.
 */
export async function pruneExpiredRefreshTokens(clientId: string): Promise<void> {
  await withDatabaseErrors(() =>
    getDb().delete(oauthRefreshToken).where(and(eq(oauthRefreshToken.clientId, clientId), lt(oauthRefreshToken.expiresAt, sql`now()`))),
  );
}
