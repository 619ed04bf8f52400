/**
 * @module
 * `GET /api/v1/tenders/:id/timeline` (inkoper, auditor): the tender's audit events as a story
 * an auditor can read: who (the user's name), what (a Dutch sentence), when, and the values
 * before and after. The events come from `listTenderAuditEvents`, redacted as for
 * `GET .../audit-events`: while the panel has not all sealed, an individual score's change is
 * shown as the redaction notice, its sentence does not name the score and `who` is null.
 */
import type { AppContext } from '../../http/types.js';
import { listTenderAuditEvents, REDACTED_CHANGE } from '../audit/tender-audit-events.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import { describeAuditEvent } from './describe-audit-event.js';
import { bidLabeller } from '../../domain/bid-label.js';

export type TimelineEntry = {
  seq: number;
  at: string;
  /** Null for an event without a user, and for an individual score while it is redacted. */
  who: { userId: string; name: string } | null;
  action: string;
  description: string;
  before: unknown;
  after: unknown;
  /** True while the change is hidden (blind scoring); `before` and `after` are the notice then. */
  redacted: boolean;
};

function sideOf(change: unknown, side: 'before' | 'after'): unknown {
  if (typeof change !== 'object' || change === null || !(side in change)) return null;
  return (change as Record<string, unknown>)[side] ?? null;
}

/**
 * Oldest first.
 * @example timelineOf(ctx, { access })[0] // { seq: 12, who: { name: 'Ingrid Inkoper' }, description: 'Dossier ... ingelezen ...', ... }
 */
export function timelineOf(ctx: AppContext, { access }: { access: TenderAccess }): TimelineEntry[] {
  requireTenderRole(access, ['inkoper', 'auditor'], 'de tijdlijn van de aanbesteding lezen');
  const events = listTenderAuditEvents(ctx, { access });
  // Bids by their school (issue 15): inkoper and auditor read the bids anyway.
  const bid = bidLabeller(new Map(ctx.queries.tenders.listBids(access.tender.id).map((b) => [b.id, b.providerName])));
  const names = ctx.queries.auditor.findUserNames([...new Set(events.flatMap((e) => (e.actorUserId === null ? [] : [e.actorUserId])))]);
  return events.map((event) => {
    const { redacted } = event;
    const who = event.actorUserId === null ? null : { userId: event.actorUserId, name: names.get(event.actorUserId) ?? event.actorUserId };
    return {
      seq: event.seq,
      at: event.at,
      who,
      action: event.action,
      description: describeAuditEvent({ action: event.action, entityId: event.entityId, change: event.change, redacted }, bid),
      before: redacted ? REDACTED_CHANGE : sideOf(event.change, 'before'),
      after: redacted ? REDACTED_CHANGE : sideOf(event.change, 'after'),
      redacted,
    };
  });
}
