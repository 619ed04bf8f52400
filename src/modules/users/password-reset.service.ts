/**
 * @module
 * An administrator sets a new password for someone who lost theirs:
 * `POST /api/v1/users/:id/password` and the user's admin page. Whoever may manage the account
 * may (`assertMayManageUser`); one's own password is changed with the current one instead
 * (`POST /api/v1/auth/password`). Like a password change, it ends every session and token of
 * the user: the reset is made because the old password is gone or known to someone else, and
 * whatever was opened with it must not outlive it. The administrator hands the new password
 * over; the user changes it on its own account page.
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { endCredentialsOfUser } from '../auth/end-credentials.js';
import { hashPassword } from '../auth/passwords.js';
import { assertMayManageUser } from './user-access.js';
import { recordUserEvent } from './user-audit.js';

export type PasswordReset = { sessionsEnded: number; tokensRevoked: number };

function manageable(ctx: AppContext, actor: Actor, userId: string) {
  const account = ctx.queries.users.findAccount(userId);
  if (account === undefined) throw new AppError('not-found', { detail: 'Deze gebruiker bestaat niet.' });
  assertMayManageUser(actor, account);
  if (account.id === actor.userId) {
    throw new AppError('conflict', { detail: 'Uw eigen wachtwoord wijzigt u met uw huidige wachtwoord, op de pagina Mijn account.' });
  }
  return account;
}

/**
 * @example await resetPassword(ctx, { actor, userId, newPassword: 'een nieuw lang wachtwoord' }) // { sessionsEnded: 2, tokensRevoked: 1 }
 */
export async function resetPassword(
  ctx: AppContext,
  { actor, userId, newPassword }: { actor: Actor; userId: string; newPassword: string },
): Promise<PasswordReset> {
  manageable(ctx, actor, userId);
  // scrypt runs before the transaction: a write lock must never wait on the thread pool.
  const passwordHash = await hashPassword(newPassword, ctx.config.passwordHash);
  return writeTransaction(ctx.db, () => {
    // Again inside the transaction: the account's memberships may have changed while hashing.
    const account = manageable(ctx, actor, userId);
    ctx.queries.users.setPasswordHash(account.id, passwordHash);
    const ended = endCredentialsOfUser(ctx, account.id, { keepSessionHash: null });
    recordUserEvent(ctx, {
      actor,
      userId: account.id,
      organisationIds: account.memberships.map((m) => m.organisationId),
      action: 'user.password.reset',
      // Never anything of the password itself.
      change: { sessionsEnded: ended.sessionsEnded, tokensRevoked: ended.tokensRevoked },
    });
    return { sessionsEnded: ended.sessionsEnded, tokensRevoked: ended.tokensRevoked.length };
  });
}
