import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { prepared } from "@/db/prepared";
import { oauthAccessToken, oauthClient, oauthConsent, oauthRefreshToken } from "@/db/schema";
import { withDatabaseErrors } from "@/db/errors";

/**
 * A person's connections: the OAuth clients (assistants) they allowed to use their tasks, one per
 * consent. Every function takes the person's id and filters on it.
 */

export interface Connection {
  clientId: string;
  /** As the client registered it (untrusted text); null when it gave none. */
  name: string | null;
  uri: string | null;
  scopes: string[];
  connectedAt: Date;
}

/** The consent behind a token: when it was given (tokens issued before it are void) and for what. */
export interface Grant {
  grantedAt: Date;
  scopes: string[];
}

export async function listConnections(userId: string): Promise<Connection[]> {
  return withDatabaseErrors(() =>
    getDb()
      .select({
        clientId: oauthConsent.clientId,
        name: oauthClient.name,
        uri: oauthClient.uri,
        scopes: oauthConsent.scopes,
        connectedAt: oauthConsent.createdAt,
      })
      .from(oauthConsent)
      .innerJoin(oauthClient, eq(oauthClient.clientId, oauthConsent.clientId))
      .where(eq(oauthConsent.userId, userId))
      .orderBy(desc(oauthConsent.createdAt), oauthConsent.clientId),
  );
}

const buildActiveGrant = (db: Database) =>
  db
    .select({ grantedAt: oauthConsent.createdAt, scopes: oauthConsent.scopes })
    .from(oauthConsent)
    .innerJoin(oauthClient, eq(oauthClient.clientId, oauthConsent.clientId))
    .where(
      and(
        eq(oauthConsent.userId, sql.placeholder("userId")),
        eq(oauthConsent.clientId, sql.placeholder("clientId")),
        sql`coalesce(${oauthClient.disabled}, false) = false`,
      ),
    )
    .orderBy(desc(oauthConsent.createdAt))
    .limit(1)
    .prepare("active_oauth_grant");

/** The person's current consent to the client, if they have not revoked it (and the client is enabled). */
export async function activeGrant(userId: string, clientId: string): Promise<Grant | undefined> {
  const [row] = await withDatabaseErrors(() => prepared(getDb(), "active_oauth_grant", buildActiveGrant).execute({ userId, clientId }));
  return row;
}

/**
 * Disconnects a client: the consent and every token the person's connection holds go, in one
 * transaction. Access tokens already handed out are JWTs; they stop working because the MCP
 * endpoint checks the consent on every request. Returns false when there was nothing to revoke.
 */
export async function revokeConnection(userId: string, clientId: string): Promise<boolean> {
  return withDatabaseErrors(() =>
    getDb().transaction(async (db) => {
      await db.delete(oauthAccessToken).where(and(eq(oauthAccessToken.userId, userId), eq(oauthAccessToken.clientId, clientId)));
      await db.delete(oauthRefreshToken).where(and(eq(oauthRefreshToken.userId, userId), eq(oauthRefreshToken.clientId, clientId)));
      const removed = await db
        .delete(oauthConsent)
        .where(and(eq(oauthConsent.userId, userId), eq(oauthConsent.clientId, clientId)))
        .returning({ id: oauthConsent.id });
      return removed.length > 0;
    }),
  );
}
