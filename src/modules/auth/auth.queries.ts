/**
 * @module
 * Users, memberships, sessions and tokens. Resolving the caller runs on every request, so
 * those statements are prepared once.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { apiTokens, memberships, sessions, users } from '../../db/schema/index.js';
import type { Membership } from '../../http/types.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
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
  const touchSession = orm
    .update(sessions)
    .set({ lastSeenAt: sql`${sql.placeholder('now')}` })
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare();
  // Resolving a credential is one statement: the token or session with its holder and the
  // holder's memberships (as JSON). Every statement costs SQLite two lock calls of its own.
  const holder = {
    userId: users.id,
    email: users.email,
    name: users.name,
    isPlatformAdmin: users.isPlatformAdmin,
    memberships: sql<string>`(SELECT json_group_array(json_object('organisationId', ${memberships.organisationId}, 'role', ${memberships.role})) FROM ${memberships} WHERE ${memberships.userId} = ${users.id})`,
  };
  const tokenHolder = orm
    .select({ expiresAt: apiTokens.expiresAt, ...holder })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')))
    .prepare();
  const sessionHolder = orm
    .select({ expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt, ...holder })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare();
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
        .where(
          and(
            eq(sessions.userId, userId),
            sql`(${sessions.expiresAt} <= ${now} OR ${sessions.lastSeenAt} <= ${now - idleMs})`,
          ),
        )
        .run();
    },
    /** The bearer token's expiry and the user it belongs to. */
    findTokenHolder: (tokenHash: string): (CredentialHolder & { expiresAt: number }) | undefined => withMemberships(tokenHolder.get({ tokenHash })),
    /** The session's times and the user it belongs to. */
    findSessionHolder: (tokenHash: string): (CredentialHolder & { expiresAt: number; lastSeenAt: number }) | undefined =>
      withMemberships(sessionHolder.get({ tokenHash })),
    insertApiToken: (row: ApiTokenRow): void => {
      orm.insert(apiTokens).values(row).run();
    },
  };
}

export type AuthQueries = ReturnType<typeof createAuthQueries>;

function withMemberships<T extends { memberships: string }>(row: T | undefined): (Omit<T, 'memberships'> & { memberships: Membership[] }) | undefined {
  return row === undefined ? undefined : { ...row, memberships: JSON.parse(row.memberships) as Membership[] };
}
