/**
 * @module
 * Users, memberships, sessions and tokens. Resolving the caller runs on every request, so
 * those statements are prepared once.
 */
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { apiTokens, memberships, sessions, users } from '../../db/schema/index.js';
import type { Membership } from '../../http/types.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
/** A token as its owner sees it: no secret, no hash. */
export type ApiTokenView = Pick<ApiTokenRow, 'id' | 'name' | 'createdAt' | 'expiresAt' | 'lastUsedAt'>;
/** The user a session or token belongs to, as the caller is described. */
export type CredentialHolder = { userId: string; email: string; name: string; isPlatformAdmin: boolean; memberships: Membership[] };

export function createAuthQueries(orm: Orm) {
  const userByEmail = orm
    .select()
    .from(users)
    .where(eq(users.email, sql.placeholder('email')))
    .prepare();
  const userById = orm
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare();
  const membershipsOfUser = orm
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, sql.placeholder('userId')))
    .prepare();
  const touchApiToken = orm
    .update(apiTokens)
    .set({ lastUsedAt: sql`${sql.placeholder('now')}` })
    .where(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')))
    .prepare();
  const touchSession = orm
    .update(sessions)
    .set({ lastSeenAt: sql`${sql.placeholder('now')}` })
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare();
  // Resolving a credential is one statement: the token or session with its holder and the
  // holder's memberships (as JSON). Every statement costs SQLite two lock calls of its own.
  // A disabled user's credentials are deleted when it is disabled; the join refuses them
  // all the same, so no credential of a disabled account resolves, whatever a row says.
  const holder = {
    userId: users.id,
    email: users.email,
    name: users.name,
    isPlatformAdmin: users.isPlatformAdmin,
    memberships: sql<string>`(SELECT json_group_array(json_object('organisationId', ${memberships.organisationId}, 'role', ${memberships.role})) FROM ${memberships} WHERE ${memberships.userId} = ${users.id})`,
  };
  const tokenHolder = orm
    .select({ tokenId: apiTokens.id, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt, ...holder })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.id, apiTokens.userId), isNull(users.disabledAt)))
    .where(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')))
    .prepare();
  const sessionHolder = orm
    .select({ expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt, ...holder })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), isNull(users.disabledAt)))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare();
  const tokenColumns = {
    id: apiTokens.id,
    name: apiTokens.name,
    createdAt: apiTokens.createdAt,
    expiresAt: apiTokens.expiresAt,
    lastUsedAt: apiTokens.lastUsedAt,
  };
  const userCount = orm.select({ count: sql<number>`count(*)` }).from(users).prepare();

  return {
    findUserByEmail: (email: string): UserRow | undefined => userByEmail.get({ email }),
    findUserById: (id: string): UserRow | undefined => userById.get({ id }),
    countUsers: (): number => userCount.get()?.count ?? 0,
    listMembershipsOfUser: (userId: string): Membership[] => membershipsOfUser.all({ userId }),
    insertUser: (row: typeof users.$inferInsert): void => {
      orm.insert(users).values(row).run();
    },
    insertMemberships: (rows: (typeof memberships.$inferInsert)[]): void => {
      if (rows.length > 0) orm.insert(memberships).values(rows).run();
    },
    insertSession: (row: SessionRow): void => {
      orm.insert(sessions).values(row).run();
    },
    touchSession: (tokenHash: string, now: number): void => {
      touchSession.run({ tokenHash, now });
    },
    deleteSession: (tokenHash: string): void => {
      orm.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
    },
    /** Removes the user's sessions that are past either timeout (housekeeping at login). */
    deleteExpiredSessionsOfUser: (userId: string, now: number, idleMs: number): void => {
      orm
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), sql`(${sessions.expiresAt} <= ${now} OR ${sessions.lastSeenAt} <= ${now - idleMs})`))
        .run();
    },
    /** Ends every session of the user but `keepTokenHash` (the caller's own, or null for none); answers how many ended. */
    deleteSessionsOfUser: (userId: string, keepTokenHash: string | null): number =>
      orm
        .delete(sessions)
        .where(keepTokenHash === null ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)))
        .run().changes,
    /** The bearer token's id, times and the user it belongs to; undefined for an unknown token or a disabled user. */
    findTokenHolder: (tokenHash: string): (CredentialHolder & { tokenId: string; expiresAt: number; lastUsedAt: number | null }) | undefined =>
      withMemberships(tokenHolder.get({ tokenHash })),
    /** The session's times and the user it belongs to. */
    findSessionHolder: (tokenHash: string): (CredentialHolder & { expiresAt: number; lastSeenAt: number }) | undefined =>
      withMemberships(sessionHolder.get({ tokenHash })),
    insertApiToken: (row: ApiTokenRow): void => {
      orm.insert(apiTokens).values(row).run();
    },
    touchApiToken: (tokenHash: string, now: number): void => {
      touchApiToken.run({ tokenHash, now });
    },
    /** The user's tokens, oldest first: what they are, never their secret or its hash. */
    listApiTokensOfUser: (userId: string): ApiTokenView[] =>
      orm.select(tokenColumns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.createdAt), asc(apiTokens.id)).all(),
    /** Deletes the token if it is the user's; answers what was deleted. */
    deleteApiTokenOfUser: (userId: string, tokenId: string): ApiTokenView | undefined =>
      orm
        .delete(apiTokens)
        .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
        .returning(tokenColumns)
        .get(),
    deleteApiTokenByHash: (tokenHash: string): ApiTokenView | undefined =>
      orm.delete(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).returning(tokenColumns).get(),
    /** Deletes every token of the user; answers them, oldest first. */
    deleteApiTokensOfUser: (userId: string): ApiTokenView[] =>
      orm
        .delete(apiTokens)
        .where(eq(apiTokens.userId, userId))
        .returning(tokenColumns)
        .all()
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    /** Replaces the hash only if it is still `expectedHash`; answers whether it did. */
    replacePasswordHash: (userId: string, expectedHash: string, passwordHash: string): boolean =>
      orm
        .update(users)
        .set({ passwordHash })
        .where(and(eq(users.id, userId), eq(users.passwordHash, expectedHash)))
        .run().changes === 1,
    setUserDisabledAt: (userId: string, disabledAt: string | null): void => {
      orm.update(users).set({ disabledAt }).where(eq(users.id, userId)).run();
    },
  };
}

export type AuthQueries = ReturnType<typeof createAuthQueries>;

function withMemberships<T extends { memberships: string }>(row: T | undefined): (Omit<T, 'memberships'> & { memberships: Membership[] }) | undefined {
  return row === undefined ? undefined : { ...row, memberships: JSON.parse(row.memberships) as Membership[] };
}
