/**
 * @module
 * Reading users as an administrator: `GET /api/v1/users` and `GET /api/v1/users/:id`, and the
 * admin pages. Who sees whom, and which of their memberships, is `standingTowards`
 * (user-access.ts): the platform administrator everyone, an organisation's admin the users
 * of the organisations it administers.
 */
import type { Actor, AppContext, Membership } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { administeredOrganisations, standingTowards } from './user-access.js';
import type { UserAccount } from './users.queries.js';

/** A user as an administrator sees it. */
export type UserSummary = {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  /** When the account was disabled, or null. */
  disabledAt: string | null;
  /** The memberships in organisations the caller administers (all of them for the platform administrator and for oneself). */
  memberships: Membership[];
  /** The caller may disable, enable, set the roles of and reset the password of this account. */
  mayManage: boolean;
};

function summaryOf(account: UserAccount, standing: { visibleMemberships: Membership[]; mayManage: boolean }): UserSummary {
  const { id, email, name, isPlatformAdmin, disabledAt } = account;
  return { id, email, name, isPlatformAdmin, disabledAt, memberships: standing.visibleMemberships, mayManage: standing.mayManage };
}

/**
 * The users the caller administers, by name: every account for the platform administrator,
 * the members of its organisations for an admin; 403 for anyone who administers nothing.
 * @example listUsers(ctx, { actor: almereAdmin }) // [{ name: 'Ingrid Inkoper', memberships: [{ organisationId: almere, role: 'inkoper' }], mayManage: true, ... }]
 */
export function listUsers(ctx: AppContext, { actor }: { actor: Actor }): UserSummary[] {
  const scope = administeredOrganisations(actor);
  if (!scope.all && scope.ids.length === 0) throw new AppError('forbidden', { detail: 'Alleen een beheerder ziet de gebruikers van een organisatie.' });
  const accounts = scope.all ? ctx.queries.users.listAccounts() : ctx.queries.users.listAccountsInOrganisations(scope.ids);
  return accounts.flatMap((account) => {
    const standing = standingTowards(actor, account);
    return standing === undefined ? [] : [summaryOf(account, standing)];
  });
}

/**
 * One user: 404 when the caller may not know of it, 403 for a colleague who administers none
 * of its organisations.
 * @example getUser(ctx, { actor, userId })
 */
export function getUser(ctx: AppContext, { actor, userId }: { actor: Actor; userId: string }): UserSummary {
  const account = ctx.queries.users.findAccount(userId);
  const standing = account && standingTowards(actor, account);
  if (account === undefined || standing === undefined) throw new AppError('not-found', { detail: 'Deze gebruiker bestaat niet.' });
  return summaryOf(account, standing);
}
