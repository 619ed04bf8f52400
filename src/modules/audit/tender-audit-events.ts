/**
 * @module
 * A tender's audit events as a reader sees them: `GET .../audit-events`, the audit page, the
 * auditor's timeline and anything else that lists them go through `listTenderAuditEvents`,
 * which checks the role and applies the blind-scoring redaction itself, so no caller can
 * list the events and forget either (issue 14).
 *
 * Until every member on the panel has sealed, an individual score's event shows neither its
 * content (score and motivation) nor who gave it: its author is left out and the evaluator's
 * id is cut from the entity id, so the log cannot tell which evaluator scored what. The
 * stored event is untouched; its hash still covers the real content, which
 * `GET /audit/verify` checks.
 */
import type { AppContext } from '../../http/types.js';
import { sealStatusOf } from '../panel/panel-access.js';
import { INDIVIDUAL_SCORE_ACTION } from '../panel/scores.service.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import type { AuditEventContent, StoredAuditEvent } from './audit-chain.js';

/** A stored event as a listing shows it: `actorUserId` is null for an event without a user, and for a redacted one. */
export type AuditEventView = Omit<AuditEventContent, 'tenderId'> & {
  prevHash: string;
  hash: string;
  /** True while blind scoring hides the event's content and author. */
  redacted: boolean;
};

/** Roles that read a tender's audit events. */
export const AUDIT_READERS = ['inkoper', 'auditor'] as const;

/** What a listing shows instead of a change it may not show yet. */
export const REDACTED_CHANGE = { redacted: 'verborgen tot alle beoordelaars hun scores hebben verzegeld' } as const;

/** The actions whose content is an evaluator's own score, blind until every member has sealed. */
const BLIND_ACTIONS: ReadonlySet<string> = new Set([INDIVIDUAL_SCORE_ACTION]);

/** `tender/B1/K1/evaluator` -> `tender/B1/K1`: the bid and criterion, not who scored them. */
function withoutEvaluator(entityId: string): string {
  return entityId.split('/').slice(0, 3).join('/');
}

function toView({ tenderId: _tender, change, ...event }: StoredAuditEvent, blind: boolean): AuditEventView {
  if (blind && BLIND_ACTIONS.has(event.action)) {
    return { ...event, actorUserId: null, entityId: withoutEvaluator(event.entityId), change: REDACTED_CHANGE, redacted: true };
  }
  return { ...event, change: JSON.parse(change) as unknown, redacted: false };
}

/**
 * The events of one tender, oldest first, for the inkoper and auditors (403 otherwise).
 * @example listTenderAuditEvents(ctx, { access }).filter((e) => e.redacted) // the individual scores still blind
 */
export function listTenderAuditEvents(ctx: Pick<AppContext, 'queries'>, { access }: { access: TenderAccess }): AuditEventView[] {
  requireTenderRole(access, AUDIT_READERS, 'de audittrail van de aanbesteding lezen');
  const blind = !sealStatusOf(ctx.queries.panel.listMembers(access.tender.id)).allSealed;
  return ctx.queries.audit.listEventsOfTender(access.tender.id).map((event) => toView(event, blind));
}
