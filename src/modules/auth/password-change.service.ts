/**
 * @module
 * Changing one's own password, with the current one. A password is changed after it may
 * have leaked, so the change ends every other credential of the user: its other sessions
 * and all its bearer tokens (a token made by whoever knew the old password would otherwise
 * outlive the change by up to 90 days). Only the session the change is made in stays; a
 * change made with a bearer token ends that token too.
 *
 * The current password is checked under the login limiter: a stolen session must not turn
 * this route into a way to guess the password without limit.
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { takeLoginAttempt } from './auth.service.js';
import { endCredentialsOfUser } from './end-credentials.js';
import { hashPassword, verifyPassword } from './passwords.js';

export type PasswordChanged = { sessionsEnded: number; tokensRevoked: number };

/**
 * @example await changePassword(ctx, { actor, currentPassword: 'oud wachtwoord 1', newPassword: 'nieuw wachtwoord 2', clientIp }) // { sessionsEnded: 1, tokensRevoked: 2 }
 */
export async function changePassword(
  ctx: AppContext,
  { actor, currentPassword, newPassword, clientIp }: { actor: Actor; currentPassword: string; newPassword: string; clientIp: string },
): Promise<PasswordChanged> {
  if (newPassword === currentPassword) {
    throw new AppError('invalid-input', {
      detail: 'Het nieuwe wachtwoord is gelijk aan het huidige.',
      errors: [{ path: 'newPassword', message: 'moet verschillen van het huidige wachtwoord' }],
    });
  }
  takeLoginAttempt(ctx, actor.email, clientIp);
  const user = ctx.queries.auth.findUserById(actor.userId);
  if (user === undefined) throw new AppError('unauthenticated');
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError('invalid-input', {
      detail: 'Het huidige wachtwoord klopt niet.',
      errors: [{ path: 'currentPassword', message: 'is niet uw huidige wachtwoord' }],
    });
  }
  ctx.loginLimiter.recordSuccess(actor.email, clientIp);
  // scrypt runs before the transaction: a write lock must never wait on the thread pool.
  const passwordHash = await hashPassword(newPassword, ctx.config.passwordHash);
  return writeTransaction(ctx.db, () => {
    // Only over the hash that was checked: a change in between must not be overwritten by
    // someone who knew only the password before it.
    if (!ctx.queries.auth.replacePasswordHash(user.id, user.passwordHash, passwordHash)) {
      throw new AppError('conflict', { detail: 'Het wachtwoord is intussen al gewijzigd; probeer het opnieuw.' });
    }
    const ended = endCredentialsOfUser(ctx, user.id, { keepSessionHash: actor.via === 'session' ? actor.credentialHash : null });
    recordAuditEvent(ctx, {
      actorUserId: user.id,
      organisationId: null,
      action: 'user.password.change',
      entityType: 'user',
      entityId: user.id,
      // Never anything of the password itself.
      change: { sessionsEnded: ended.sessionsEnded, tokensRevoked: ended.tokensRevoked },
    });
    return { sessionsEnded: ended.sessionsEnded, tokensRevoked: ended.tokensRevoked.length };
  });
}
