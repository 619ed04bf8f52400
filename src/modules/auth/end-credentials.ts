/**
 * @module
 * Ending every credential of a user at once: what disabling an account and changing a
 * password both do. Runs inside the caller's write transaction, whose audit event (of no
 * tender) moves the credential cache's version, so nothing ended here works at the next
 * request.
 */
import type { AppContext } from '../../http/types.js';

export type EndedCredentials = {
  sessionsEnded: number;
  /** The revoked tokens, oldest first, for the audit event. */
  tokensRevoked: { id: string; name: string }[];
};

/**
 * Deletes the user's sessions, except `keepSessionHash` (the session the change is made in,
 * or null), and every token of the user.
 * @example writeTransaction(ctx.db, () => { const ended = endCredentialsOfUser(ctx, userId, { keepSessionHash: null }); recordAuditEvent(...); });
 */
export function endCredentialsOfUser(
  ctx: Pick<AppContext, 'db' | 'queries'>,
  userId: string,
  { keepSessionHash }: { keepSessionHash: string | null },
): EndedCredentials {
  if (!ctx.db.sqlite.inTransaction) throw new Error('endCredentialsOfUser must run inside a write transaction');
  const sessionsEnded = ctx.queries.auth.deleteSessionsOfUser(userId, keepSessionHash);
  const tokensRevoked = ctx.queries.auth.deleteApiTokensOfUser(userId).map(({ id, name }) => ({ id, name }));
  return { sessionsEnded, tokensRevoked };
}
