/**
 * @module
 * The award decision (gunningsbeslissing) and the award. The decision is refused (409) while
 * the evaluation it would rest on is not final: a panel member has not sealed, a consensus
 * score is missing, an art. 2.116 review is not decided (`blockingReviews`), or rank 1 is
 * shared and no draw of lots is recorded. It stores the evaluation it rests on and the end of
 * the standstill (`computeStandstillEnd`); the award is accepted from the day after that
 * (`checkAwardAllowed`) and locks the tender: from then on every change answers 409.
 *
 * Until the award the decision can be withdrawn (`withdrawAwardDecision`, with a reason: an
 * objection upheld during the standstill, a court's order, an error found): the tender is
 * `open` again, the evaluation can be corrected and a new decision taken, with a new
 * standstill. The withdrawn decision stays in the audit trail, with the reason.
 */
import { createHash } from 'node:crypto';
import { writeTransaction } from '../../db/client.js';
import type { TenderStatus } from '../../db/schema/index.js';
import { labellerOfBids, missingScoresText } from '../../domain/bid-label.js';
import { todayInAmsterdam } from '../../domain/dates.js';
import { awardAllowedOn, checkAwardAllowed, computeStandstillEnd } from '../../domain/lifecycle/standstill.js';
import { isSentence, SENTENCE_RULE_MESSAGE } from '../../domain/panel/motivation.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { lotAllocationUnderLimit, type LotAllocation } from '../procedures/procedures.service.js';
import type { TenderRow } from '../tenders/tenders.queries.js';
import { computeEvaluation, type TenderEvaluation } from '../evaluation/evaluation.service.js';
import { requireAllSealed } from '../panel/consensus.service.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import { requireTransition } from '../tenders/tender-lifecycle.js';

/** The outcome of a draw of lots between bids that share rank 1, as the officer records it. */
export type DrawOfLots = { winner: string; record: string };

/** What `tenders.award_decision` holds. */
export type StoredAwardDecision = {
  winner: string;
  decidedAt: string;
  decidedBy: string;
  /** `YYYY-MM-DD`, Europe/Amsterdam. */
  decisionDate: string;
  standstillEndsOn: string;
  drawOfLots: (DrawOfLots & { tiedBids: string[] }) | null;
  /** Only for a lot of a procedure under an award limitation (issue 21). */
  limitation?: LimitationEffect;
  /** The evaluation the decision rests on, as `GET .../evaluation` showed it. */
  evaluation: TenderEvaluation;
};

export type AwardDecisionView = { status: TenderStatus; winner: string; standstillEndsOn: string; awardAllowedOn: string };

/**
 * 409 unless the evaluation is final; the refusal names what is missing, each bid by its
 * school (issue 15: an officer reads "Snel Inburgeren B.V. (B3)", not "B3 (open)").
 */
function requireFinalEvaluation(ctx: AppContext, tenderId: string, evaluation: TenderEvaluation): void {
  if (evaluation.incomplete.length === 0 && evaluation.blockingReviews.length === 0) return;
  const label = labellerOfBids(ctx.queries.tenders.listBids(tenderId));
  if (evaluation.incomplete.length > 0) {
    throw new AppError('conflict', {
      detail: `De consensusscores zijn niet compleet; er ontbreekt nog: ${missingScoresText(evaluation.incomplete, label)}.`,
      errors: evaluation.incomplete.map((m) => ({ path: `scores.${m.bidId}.${m.criterionId}`, message: 'consensusscore ontbreekt' })),
    });
  }
  if (evaluation.blockingReviews.length > 0) {
    const list = evaluation.blockingReviews.map((b) => label(b.bidId)).join(', ');
    throw new AppError('conflict', {
      detail: `Het onderzoek naar mogelijk abnormaal lage inschrijvingen is niet afgerond voor ${list}: ${evaluation.blockingReviews.map((b) => b.reason).join(' ')}`,
      errors: evaluation.blockingReviews.map((b) => ({ path: `bids.${b.bidId}.lowBidReview`, message: b.reason })),
    });
  }
}

/** The single winner, by the ranking or by a recorded draw of lots between the bids sharing rank 1. */
function decideWinner(evaluation: TenderEvaluation, draw: DrawOfLots | undefined): { winner: string; drawOfLots: StoredAwardDecision['drawOfLots'] } {
  const tie = evaluation.warnings.find((w) => w.code === 'tie-unresolved' && w.rank === 1);
  const tiedBids = tie?.code === 'tie-unresolved' ? tie.bids : [];
  if (evaluation.winner !== null) {
    if (draw !== undefined) {
      throw new AppError('invalid-input', {
        detail: `${evaluation.winner} staat alleen op de eerste plaats; er valt niets te loten.`,
        errors: [{ path: 'drawOfLots', message: 'geen gedeelde eerste plaats' }],
      });
    }
    return { winner: evaluation.winner, drawOfLots: null };
  }
  if (tiedBids.length === 0) {
    throw new AppError('conflict', { detail: 'Er is geen inschrijving die voor gunning in aanmerking komt: alle inschrijvingen zijn uitgesloten.' });
  }
  if (draw === undefined) {
    throw new AppError('conflict', {
      detail:
        `De eerste plaats wordt gedeeld door ${tiedBids.join(' en ')}; ook de beslisregels geven de doorslag niet. ` +
        'De winnaar moet door loting worden aangewezen. Leg de uitslag vast in deze aanvraag: ' +
        '{ "drawOfLots": { "winner": "<inschrijving>", "record": "<wie heeft wanneer en hoe geloot>" } }.',
    });
  }
  if (!tiedBids.includes(draw.winner)) {
    throw new AppError('invalid-input', {
      errors: [{ path: 'drawOfLots.winner', message: `loten kan alleen tussen ${tiedBids.join(' en ')}` }],
    });
  }
  if (!isSentence(draw.record)) {
    throw new AppError('invalid-input', {
      errors: [{ path: 'drawOfLots.record', message: `beschrijf de loting (wie, wanneer, hoe): ${SENTENCE_RULE_MESSAGE}` }],
    });
  }
  return { winner: draw.winner, drawOfLots: { winner: draw.winner, record: draw.record.trim(), tiedBids } };
}

/** A lot of a procedure under an award limitation: who would have won without it, and the allocation's reason. */
export type LimitationEffect = { winnerWithoutLimit: string | null; reason: string };

/** The winner the decision names, with the draw it rests on and the limitation's effect (null when none applies). */
export type DecidedWinner = { winner: string; drawOfLots: StoredAwardDecision['drawOfLots']; limitation: LimitationEffect | null };

/**
 * A lot of a procedure with an award limitation (issue 21) goes to the winner the limitation
 * gives it, which may be another bid than its own winner; a lot the allocation leaves
 * without a winner (a draw is needed, or no school may take it) cannot be decided. A draw of
 * lots for such a lot is recorded on the procedure (`POST /procedures/:id/draws`), since the
 * allocation re-runs with it and may move other lots; the decision then records that draw.
 */
function winnerUnderLimit(lot: LotAllocation, draw: DrawOfLots | undefined, label: string): DecidedWinner {
  if (lot.winner === null) {
    throw new AppError('conflict', {
      detail: `${label} krijgt onder de gunningsbeperking nu geen winnaar: ${lot.reason}${lot.reason.includes('loting is nodig') ? ' De loting wordt bij de procedure vastgelegd.' : ''}`,
    });
  }
  if (draw !== undefined) {
    throw new AppError('invalid-input', {
      detail: `${label} gaat onder de gunningsbeperking naar ${lot.winner}; een loting voor een perceel van de procedure wordt bij de procedure vastgelegd.`,
      errors: [{ path: 'drawOfLots', message: 'geen gedeelde eerste plaats onder de gunningsbeperking' }],
    });
  }
  return { winner: lot.winner, drawOfLots: lot.drawOfLots ?? null, limitation: { winnerWithoutLimit: lot.winnerWithoutLimit, reason: lot.reason } };
}

/**
 * Everything the award decision of one tender checks, without writing: the tender may move
 * to `award-proposed`, every panel member sealed, the evaluation is final, and the winner (by
 * the ranking, a recorded draw, or the award limitation `limited` of its procedure).
 */
export function prepareAwardDecision(
  ctx: AppContext,
  { tenderId, drawOfLots, limited, label }: { tenderId: string; drawOfLots: DrawOfLots | undefined; limited: LotAllocation | undefined; label: string },
): { tender: TenderRow; evaluation: TenderEvaluation; decided: DecidedWinner } {
  const tender = ctx.queries.tenders.findTender(tenderId);
  if (tender === undefined) throw new AppError('not-found');
  requireTransition(tender.status, 'award-proposed');
  requireAllSealed(ctx, tender.id, 'De gunningsbeslissing nemen');
  const evaluation = computeEvaluation(ctx, tender.id);
  requireFinalEvaluation(ctx, tender.id, evaluation);
  const decided = limited === undefined ? { ...decideWinner(evaluation, drawOfLots), limitation: null } : winnerUnderLimit(limited, drawOfLots, label);
  return { tender, evaluation, decided };
}

/**
 * Stores a prepared award decision with its standstill (counted per decision) and records
 * `tender.award-decision`; inside the caller's transaction.
 */
export function storeAwardDecision(
  ctx: AppContext,
  { actor, tender, evaluation, decided }: { actor: Actor; tender: TenderRow; evaluation: TenderEvaluation; decided: DecidedWinner },
): AwardDecisionView {
  const { winner, drawOfLots, limitation } = decided;
  const now = ctx.clock();
  const decision: StoredAwardDecision = {
    winner,
    decidedAt: now.toISOString(),
    decidedBy: actor.userId,
    decisionDate: todayInAmsterdam(now),
    standstillEndsOn: computeStandstillEnd(now),
    drawOfLots,
    ...(limitation === null ? {} : { limitation }),
    evaluation,
  };
  const stored = JSON.stringify(decision);
  ctx.queries.tenders.updateTender(tender.id, {
    status: 'award-proposed',
    awardDecidedAt: decision.decidedAt,
    standstillEndsOn: decision.standstillEndsOn,
    awardDecision: stored,
    updatedAt: decision.decidedAt,
  });
  recordAuditEvent(ctx, {
    actorUserId: actor.userId,
    organisationId: tender.organisationId,
    action: 'tender.award-decision',
    entityType: 'tender',
    entityId: tender.id,
    tenderId: tender.id,
    change: {
      before: { status: tender.status },
      after: {
        status: 'award-proposed',
        winner,
        decidedAt: decision.decidedAt,
        standstillEndsOn: decision.standstillEndsOn,
        // The stored decision holds the whole evaluation; the event pins it by its hash.
        awardDecisionSha256: createHash('sha256').update(stored).digest('hex'),
        drawOfLots,
        ...(limitation === null ? {} : { limitation }),
        ranking: evaluation.bids.map(({ bidId, rank, status, score }) => ({ bidId, rank, status, score })),
      },
    },
  });
  return { status: 'award-proposed', winner, standstillEndsOn: decision.standstillEndsOn, awardAllowedOn: awardAllowedOn(decision.standstillEndsOn) };
}

/**
 * `POST .../award-decision` (inkoper): `open` -> `award-proposed`. A lot of a procedure under
 * an award limitation is decided for the winner the limitation gives it.
 */
export function proposeAward(
  ctx: AppContext,
  { actor, access, input }: { actor: Actor; access: TenderAccess; input: { drawOfLots?: DrawOfLots | undefined } },
): AwardDecisionView {
  requireTenderRole(access, ['inkoper'], 'de gunningsbeslissing nemen');
  return writeTransaction(ctx.db, () => {
    const limited = lotAllocationUnderLimit(ctx, access.tender.id);
    const prepared = prepareAwardDecision(ctx, { tenderId: access.tender.id, drawOfLots: input.drawOfLots, limited, label: 'Dit perceel' });
    return storeAwardDecision(ctx, { actor, ...prepared });
  });
}

/** `POST .../award` (inkoper): from the day after the standstill, `awarded`; the tender is locked. */
export function awardTender(
  ctx: AppContext,
  { actor, access }: { actor: Actor; access: TenderAccess },
): { status: TenderStatus; winner: string; awardedAt: string } {
  requireTenderRole(access, ['inkoper'], 'de opdracht definitief gunnen');
  return writeTransaction(ctx.db, () => {
    const tender = ctx.queries.tenders.findTender(access.tender.id);
    if (tender === undefined) throw new AppError('not-found');
    requireTransition(tender.status, 'awarded');
    if (tender.standstillEndsOn === null || tender.awardDecision === null) throw new AppError('internal');
    const now = ctx.clock();
    const allowed = checkAwardAllowed(now, tender.standstillEndsOn);
    if (!allowed.ok) throw new AppError('conflict', { detail: allowed.message });
    const { winner } = JSON.parse(tender.awardDecision) as StoredAwardDecision;
    const awardedAt = now.toISOString();
    ctx.queries.tenders.updateTender(tender.id, { status: 'awarded', awardedAt, updatedAt: awardedAt });
    // This event is the lock: every later change is refused by the tender's status.
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: 'tender.award',
      entityType: 'tender',
      entityId: tender.id,
      tenderId: tender.id,
      change: { before: { status: tender.status }, after: { status: 'awarded', winner, awardedAt, locked: true } },
    });
    return { status: 'awarded', winner, awardedAt };
  });
}

/** `POST .../award-decision/withdraw` (inkoper): `award-proposed` -> `open`, with the reason. */
export function withdrawAwardDecision(
  ctx: AppContext,
  { actor, access, input }: { actor: Actor; access: TenderAccess; input: { reason: string } },
): { status: TenderStatus; withdrawnWinner: string } {
  requireTenderRole(access, ['inkoper'], 'de gunningsbeslissing intrekken');
  if (!isSentence(input.reason)) {
    throw new AppError('invalid-input', { errors: [{ path: 'reason', message: `geef de reden van de intrekking: ${SENTENCE_RULE_MESSAGE}` }] });
  }
  return writeTransaction(ctx.db, () => {
    const tender = ctx.queries.tenders.findTender(access.tender.id);
    if (tender === undefined) throw new AppError('not-found');
    // After the award the lock answers; before the decision there is nothing to withdraw.
    if (tender.status === 'awarded') requireTransition(tender.status, 'open');
    if (tender.status !== 'award-proposed' || tender.awardDecision === null) {
      throw new AppError('tender-locked', { detail: 'Er is geen gunningsbeslissing om in te trekken.' });
    }
    const decision = JSON.parse(tender.awardDecision) as StoredAwardDecision;
    const now = ctx.clock().toISOString();
    ctx.queries.tenders.updateTender(tender.id, { status: 'open', awardDecidedAt: null, standstillEndsOn: null, awardDecision: null, updatedAt: now });
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: 'tender.award-decision.withdraw',
      entityType: 'tender',
      entityId: tender.id,
      tenderId: tender.id,
      change: {
        before: { status: tender.status, winner: decision.winner, decidedAt: decision.decidedAt, standstillEndsOn: decision.standstillEndsOn },
        after: { status: 'open', reason: input.reason.trim() },
      },
    });
    return { status: 'open', withdrawnWinner: decision.winner };
  });
}
