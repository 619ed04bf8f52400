/**
 * @module
 * Setting a user's roles: `PUT /api/v1/users/:id/memberships` and the user's admin page. The
 * list replaces the user's memberships (one role per organisation). Who may: whoever may
 * manage the account (`assertMayManageUser`), naming only organisations it may add users to
 * (`assertMayCreateUsers`); nobody changes its own roles, so an organisation cannot lose its
 * last admin by a slip of its own. A role that would make a member of a panel inkoper or
 * auditor of the tender it scores is refused (panel-seats.ts).
 *
 * Roles are read from the database on every request and the credential cache moves with the
 * change's audit event, so the new roles hold from the very next request, on the API and on
 * the pages.
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext, Membership } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { refuseOfficerRolesOnPanel } from '../panel/panel-seats.js';
import { assertMayCreateUsers, assertMayManageUser } from './user-access.js';
import { recordUserEvent } from './user-audit.js';
import { getUser, type UserSummary } from './user-directory.service.js';

const sameSet = (a: readonly Membership[], b: readonly Membership[]) =>
  a.length === b.length && a.every((m) => b.some((n) => n.organisationId === m.organisationId && n.role === m.role));

/**
 * @example setMemberships(ctx, { actor, userId, memberships: [{ organisationId: almere, role: 'inkoper' }] })
 */
export function setMemberships(ctx: AppContext, { actor, userId, memberships }: { actor: Actor; userId: string; memberships: Membership[] }): UserSummary {
  return writeTransaction(ctx.db, () => {
    const account = ctx.queries.users.findAccount(userId);
    if (account === undefined) throw new AppError('not-found', { detail: 'Deze gebruiker bestaat niet.' });
    assertMayManageUser(actor, account);
    if (account.id === actor.userId) {
      throw new AppError('conflict', { detail: 'U kunt uw eigen rollen niet wijzigen; vraag een andere beheerder of de platformbeheerder.' });
    }
    assertMayCreateUsers(ctx, actor, memberships);
    if (sameSet(account.memberships, memberships)) return getUser(ctx, { actor, userId });
    refuseOfficerRolesOnPanel(ctx, { user: account, current: account.memberships, next: memberships });
    ctx.queries.users.replaceMemberships(account.id, memberships);
    recordUserEvent(ctx, {
      actor,
      userId: account.id,
      organisationIds: [...account.memberships, ...memberships].map((m) => m.organisationId),
      action: 'user.memberships.set',
      change: { before: { memberships: account.memberships }, after: { memberships } },
    });
    return getUser(ctx, { actor, userId });
  });
}
