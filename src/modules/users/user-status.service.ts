/**
 * @module
 * Disabling and enabling an account. Disabling ends every session and revokes every token of
 * the user in the same transaction as its audit event, and the user cannot log in again:
 * it stays disabled until an administrator enables it (there is no automatic end, since
 * the usual reasons, a colleague who left or an account that may be compromised, do not
 * expire). Enabling lets the user log in again; its old sessions and tokens stay ended.
 */
import type { AuditAction } from '../../domain/vocabulary/audit-actions.js';
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { endCredentialsOfUser } from '../auth/end-credentials.js';
import { assertMayManageUser } from './user-access.js';
import { recordUserEvent } from './user-audit.js';

export type UserStatus = { id: string; email: string; name: string; disabledAt: string | null };

/**
 * Disables the user and ends its sessions and tokens; a user already disabled is answered as
 * it is, with nothing written.
 * @example disableUser(ctx, { actor, userId }) // { id, email, name, disabledAt: '2026-03-02T09:00:00.000Z' }
 */
export function disableUser(ctx: AppContext, { actor, userId }: { actor: Actor; userId: string }): UserStatus {
  return writeTransaction(ctx.db, () => {
    const { user, memberships } = findManagedUser(ctx, actor, userId);
    if (user.id === actor.userId) throw new AppError('conflict', { detail: 'U kunt uw eigen account niet blokkeren.' });
    if (user.disabledAt !== null) return statusOf(user);
    const disabledAt = ctx.clock().toISOString();
    ctx.queries.auth.setUserDisabledAt(user.id, disabledAt);
    const ended = endCredentialsOfUser(ctx, user.id, { keepSessionHash: null });
    recordPerOrganisation(ctx, actor, user.id, memberships, 'user.disable', {
      before: { disabledAt: null },
      after: { disabledAt },
      sessionsEnded: ended.sessionsEnded,
      tokensRevoked: ended.tokensRevoked,
    });
    return statusOf({ ...user, disabledAt });
  });
}

/**
 * Lets a disabled user log in again; a user that is not disabled is answered as it is.
 * @example enableUser(ctx, { actor, userId }) // { id, email, name, disabledAt: null }
 */
export function enableUser(ctx: AppContext, { actor, userId }: { actor: Actor; userId: string }): UserStatus {
  return writeTransaction(ctx.db, () => {
    const { user, memberships } = findManagedUser(ctx, actor, userId);
    if (user.disabledAt === null) return statusOf(user);
    ctx.queries.auth.setUserDisabledAt(user.id, null);
    recordPerOrganisation(ctx, actor, user.id, memberships, 'user.enable', { before: { disabledAt: user.disabledAt }, after: { disabledAt: null } });
    return statusOf({ ...user, disabledAt: null });
  });
}

function findManagedUser(ctx: AppContext, actor: Actor, userId: string) {
  const user = ctx.queries.auth.findUserById(userId);
  if (user === undefined) throw new AppError('not-found', { detail: 'Deze gebruiker bestaat niet.' });
  const memberships = ctx.queries.auth.listMembershipsOfUser(user.id);
  assertMayManageUser(actor, { isPlatformAdmin: user.isPlatformAdmin, memberships });
  return { user, memberships };
}

/** One event per organisation of the user (user-audit.ts). */
function recordPerOrganisation(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  memberships: { organisationId: string }[],
  action: AuditAction,
  change: unknown,
): void {
  recordUserEvent(ctx, { actor, userId, organisationIds: memberships.map((m) => m.organisationId), action, change });
}

function statusOf(user: { id: string; email: string; name: string; disabledAt: string | null }): UserStatus {
  return { id: user.id, email: user.email, name: user.name, disabledAt: user.disabledAt };
}
