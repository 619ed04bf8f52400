/**
 * @module
 * Whether the award decision and the award can be taken now, and if not, why: for the
 * results page, which shows an action that is not possible yet disabled with its reasons
 * beside it (issue 15) instead of letting the officer find out by pressing it. The reasons
 * are those `proposeAward` and `awardTender` refuse with, in the same order; both still
 * check inside their own transaction, so a page that went stale only costs a refusal.
 */
import { checkAwardAllowed } from '../../domain/lifecycle/standstill.js';
import { checkTransition } from '../../domain/lifecycle/tender-status.js';
import type { AppContext } from '../../http/types.js';
import type { TenderEvaluation } from '../evaluation/evaluation.service.js';
import { namesNl, sealStatusOf } from '../panel/panel-access.js';
import type { TenderAccess } from '../tenders/tender-access.js';

export type Readiness = { possible: true } | { possible: false; reasons: string[] };

/** Names a bid in a reason, e.g. by its school (`bidLabeller`). */
type Label = (bidId: string) => string;

const SHOWN = 10;

function listed(items: readonly string[]): string {
  return items.length <= SHOWN ? items.join(', ') : `${items.slice(0, SHOWN).join(', ')} en ${items.length - SHOWN} meer`;
}

const readiness = (reasons: string[]): Readiness => (reasons.length === 0 ? { possible: true } : { possible: false, reasons });

/**
 * @example awardDecisionReadiness(ctx, { access, evaluation, label }) // { possible: false, reasons: ['het onderzoek naar ...'] }
 */
export function awardDecisionReadiness(
  ctx: AppContext,
  { access, evaluation, label }: { access: TenderAccess; evaluation: TenderEvaluation; label: Label },
): Readiness {
  const transition = checkTransition(access.tender.status, 'award-proposed');
  if (!transition.ok) return { possible: false, reasons: [transition.message] };
  const reasons: string[] = [];
  const { pending } = sealStatusOf(ctx.queries.panel.listMembers(access.tender.id));
  if (pending.length > 0) reasons.push(`nog niet alle beoordelaars hebben hun scores verzegeld: ${namesNl(pending)}.`);
  if (evaluation.incomplete.length > 0) {
    reasons.push(
      `er ontbreken nog ${evaluation.incomplete.length} consensusscores: ${listed(evaluation.incomplete.map((m) => `${label(m.bidId)} op ${m.criterionId}`))}.`,
    );
  }
  for (const review of evaluation.blockingReviews) reasons.push(`${label(review.bidId)}: ${review.reason}`);
  const tie = evaluation.warnings.some((w) => w.code === 'tie-unresolved' && w.rank === 1);
  if (reasons.length === 0 && evaluation.winner === null && !tie) reasons.push('alle inschrijvingen zijn uitgesloten: er is niets te gunnen.');
  return readiness(reasons);
}

/** @example awardReadiness(ctx, { access, standstillEndsOn: '2026-11-13' }) // { possible: false, reasons: ['De opschortende termijn loopt tot en met ...'] } */
export function awardReadiness(ctx: AppContext, { access, standstillEndsOn }: { access: TenderAccess; standstillEndsOn: string | null }): Readiness {
  const transition = checkTransition(access.tender.status, 'awarded');
  if (!transition.ok || standstillEndsOn === null) return { possible: false, reasons: [transition.ok ? 'er is geen gunningsbeslissing.' : transition.message] };
  const allowed = checkAwardAllowed(ctx.clock(), standstillEndsOn);
  return allowed.ok ? { possible: true } : { possible: false, reasons: [allowed.message] };
}
