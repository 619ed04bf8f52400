/**
 * @module
 * Users as administrators see them: the accounts with their memberships, by organisation.
 * Resolving a caller (auth.queries.ts) stays separate: it runs on every request.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { memberships, users, type Role } from '../../db/schema/index.js';
import type { Membership } from '../../http/types.js';

/** An account without its password hash, with every membership. */
export type UserAccount = {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  disabledAt: string | null;
  createdAt: string;
  memberships: Membership[];
};

/** A member of an organisation in one role, for the panel's list of candidates and the regio check. */
export type OrganisationMember = { userId: string; name: string; email: string; organisationId: string; role: Role };

const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  isPlatformAdmin: users.isPlatformAdmin,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

export function createUserQueries(orm: Orm) {
  /** Accounts by name, each with its memberships (one more statement for all of them). */
  const withMemberships = (rows: Omit<UserAccount, 'memberships'>[]): UserAccount[] => {
    if (rows.length === 0) return [];
    const all = orm
      .select({ userId: memberships.userId, organisationId: memberships.organisationId, role: memberships.role })
      .from(memberships)
      .where(
        inArray(
          memberships.userId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(memberships.organisationId))
      .all();
    const byUser = new Map<string, Membership[]>();
    for (const { userId, organisationId, role } of all) byUser.set(userId, [...(byUser.get(userId) ?? []), { organisationId, role }]);
    return rows.map((row) => ({ ...row, memberships: byUser.get(row.id) ?? [] }));
  };
  const byName = [asc(users.name), asc(users.email)];

  return {
    /** Every account (the platform administrator's list). */
    listAccounts: (): UserAccount[] =>
      withMemberships(
        orm
          .select(accountColumns)
          .from(users)
          .orderBy(...byName)
          .all(),
      ),
    /** The accounts with at least one membership in one of `organisationIds`, with all their memberships. */
    listAccountsInOrganisations: (organisationIds: readonly string[]): UserAccount[] => {
      if (organisationIds.length === 0) return [];
      const ids = orm
        .selectDistinct({ id: memberships.userId })
        .from(memberships)
        .where(inArray(memberships.organisationId, [...organisationIds]))
        .all()
        .map((r) => r.id);
      if (ids.length === 0) return [];
      return withMemberships(
        orm
          .select(accountColumns)
          .from(users)
          .where(inArray(users.id, ids))
          .orderBy(...byName)
          .all(),
      );
    },
    findAccount: (id: string): UserAccount | undefined => {
      const row = orm.select(accountColumns).from(users).where(eq(users.id, id)).get();
      return row === undefined ? undefined : withMemberships([row])[0];
    },
    /** The members of the organisations in `role`, by name; disabled accounts left out when `activeOnly`. */
    listMembersWithRole: (organisationIds: readonly string[], roles: readonly Role[], { activeOnly }: { activeOnly: boolean }): OrganisationMember[] => {
      if (organisationIds.length === 0 || roles.length === 0) return [];
      return orm
        .select({ userId: users.id, name: users.name, email: users.email, organisationId: memberships.organisationId, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            inArray(memberships.organisationId, [...organisationIds]),
            inArray(memberships.role, [...roles]),
            activeOnly ? isNull(users.disabledAt) : undefined,
          ),
        )
        .orderBy(...byName)
        .all();
    },
    setPasswordHash: (userId: string, passwordHash: string): void => {
      orm.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    },
    /** The user's memberships become exactly `next`. */
    replaceMemberships: (userId: string, next: readonly Membership[]): void => {
      orm.delete(memberships).where(eq(memberships.userId, userId)).run();
      if (next.length > 0)
        orm
          .insert(memberships)
          .values(next.map((m) => ({ userId, ...m })))
          .run();
    },
  };
}

export type UserQueries = ReturnType<typeof createUserQueries>;
