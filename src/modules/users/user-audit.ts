/**
 * @module
 * The audit events of a change to an account. An account serves all its memberships, so each
 * organisation the change concerns gets the event in its own trail, as `user.create` writes
 * one per membership; a user of no organisation gets one event of none.
 */
import type { AuditAction } from '../../domain/vocabulary/audit-actions.js';
import type { Actor, AppContext } from '../../http/types.js';
import { recordAuditEvent } from '../audit/audit.service.js';

/**
 * One event per organisation in `organisationIds` (each once), inside the caller's write transaction.
 * @example recordUserEvent(ctx, { actor, userId, organisationIds: memberships.map((m) => m.organisationId), action: 'user.disable', change })
 */
export function recordUserEvent(
  ctx: AppContext,
  {
    actor,
    userId,
    organisationIds,
    action,
    change,
  }: { actor: Actor; userId: string; organisationIds: readonly string[]; action: AuditAction; change: unknown },
): void {
  const organisations = organisationIds.length === 0 ? [null] : [...new Set(organisationIds)];
  for (const organisationId of organisations) {
    recordAuditEvent(ctx, { actorUserId: actor.userId, organisationId, action, entityType: 'user', entityId: userId, change });
  }
}
