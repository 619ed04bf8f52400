/**
 * @module
 * After the opening a bid cannot change silently (equal treatment: the other bids are
 * known). Two things may still happen to it while the tender is open, each with a written
 * reason that the panel and the report show, and each refused once the award decision is
 * taken (`bid-corrections` in `domain/lifecycle/tender-status.ts`):
 * - `POST .../bids/:bidId/correction`: an obvious clerical error in the price or the price
 *   lines is corrected; the correction is kept with the figures before and after, and the
 *   evaluation, its flags and its cache follow the corrected price at once. A started art.
 *   2.116 review of the bid stays as it is, with the correction noted (its state at that
 *   moment is recorded with it): the officer decides whether the explanation still holds.
 * - `POST .../bids/:bidId/withdrawal`: the bidder withdrew; the bid leaves the ranking with
 *   the date and reason as its exclusion reason, needs no more scores, and its review no
 *   longer blocks the award decision.
 * Decisions and their reasons: docs/corrections.md.
 */
import { writeTransaction } from '../../db/client.js';
import { todayInAmsterdam } from '../../domain/dates.js';
import type { BidWithdrawal, ReviewState } from '../../domain/evaluation/dossier.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import { requireChangeAllowed } from '../tenders/tender-lifecycle.js';
import type { TenderRow } from '../tenders/tenders.queries.js';
import type { Bid } from '../../domain/evaluation/dossier.js';
import { correctionViewOf, type BidCorrectionView } from './bid-corrections.js';
import { findBidForChange, withoutScores, writeBidFields } from './bid-changes.service.js';
import { requirePricesOpened } from '../tenders/price-envelopes.js';
import { changedBidFields, priceFiguresOf, reasonProblems, sameFigures, type BidFields, type PriceFigures } from './bid-input.js';

export type CorrectionInput = { price?: unknown; priceLines?: unknown; reason: string };
export type WithdrawalInput = { reason: string; receivedOn: string };
export type WithdrawalView = BidWithdrawal & { bidId: string; recordedAt: string };

/** The review's state if the officer started one (a request sent or later); else null. */
function startedReviewState(bid: Bid): ReviewState | null {
  const state = bid.lowBidReview?.state;
  return state === undefined || state === 'open' ? null : state;
}

function requireStillInProcedure(bid: Bid): void {
  if (bid.withdrawal !== undefined) {
    throw new AppError('conflict', {
      detail: `Inschrijving ${bid.id} is ingetrokken (ontvangen op ${bid.withdrawal.receivedOn}) en doet niet meer mee; er valt niets meer aan te wijzigen.`,
    });
  }
}

/** The tender and bid, re-read, with the status and the bid's own state checked. */
function openBid(ctx: AppContext, access: TenderAccess, bidId: string): { tender: TenderRow; bid: Bid } {
  const found = findBidForChange(ctx, access.tender.id, bidId);
  requireChangeAllowed(found.tender.status, 'bid-corrections');
  requireStillInProcedure(found.bid);
  return found;
}

/**
 * The bid as it stands, when the caller may correct it or record its withdrawal now
 * (inkoper, open, not withdrawn): what the correction and withdrawal forms start from.
 */
export function bidForCorrection(ctx: AppContext, { access, bidId }: { access: TenderAccess; bidId: string }): Bid {
  requireTenderRole(access, ['inkoper'], 'inschrijvingen corrigeren');
  return openBid(ctx, access, bidId).bid;
}

export type PlannedCorrection = { bid: Bid; before: PriceFigures; after: PriceFigures; lowBidReviewState: ReviewState | null };

function planCorrection(
  ctx: AppContext,
  access: TenderAccess,
  bidId: string,
  input: CorrectionInput,
): PlannedCorrection & { tender: TenderRow; fields: BidFields } {
  const { tender, bid } = openBid(ctx, access, bidId);
  // Before the price opening there is no price to correct: the figures come from the envelopes.
  requirePricesOpened(tender);
  const errors = reasonProblems(input.reason, { pricesHidden: !tender.showPricesToEvaluators });
  if (input.price === undefined && input.priceLines === undefined) errors.push({ path: 'price', message: 'geef de gecorrigeerde price of priceLines' });
  for (const field of ['price', 'priceLines'] as const) {
    if (input[field] === null) errors.push({ path: field, message: 'een correctie kan de prijs of de prijsregels niet weghalen, alleen verbeteren' });
  }
  if (errors.length > 0) throw new AppError('invalid-input', { detail: 'De correctie is niet vastgelegd.', errors });
  const current = withoutScores(bid);
  const fields = changedBidFields(current, { price: input.price, priceLines: input.priceLines }, tender.awardMethod);
  const before = priceFiguresOf(current);
  const after = priceFiguresOf(fields);
  if (sameFigures(before, after)) {
    throw new AppError('invalid-input', {
      detail: 'De correctie verandert niets aan de prijs of de prijsregels.',
      errors: [{ path: input.price === undefined ? 'priceLines' : 'price', message: 'gelijk aan wat de inschrijving al heeft' }],
    });
  }
  return { tender, bid, fields, before, after, lowBidReviewState: startedReviewState(bid) };
}

/** What `correctBid` would record, checked the same way, without writing: the page shows it for confirmation. */
export function previewBidCorrection(
  ctx: AppContext,
  { access, bidId, input }: { access: TenderAccess; bidId: string; input: CorrectionInput },
): PlannedCorrection {
  requireTenderRole(access, ['inkoper'], 'inschrijvingen corrigeren');
  const { bid, before, after, lowBidReviewState } = planCorrection(ctx, access, bidId, input);
  return { bid, before, after, lowBidReviewState };
}

/**
 * `POST .../bids/:bidId/correction` (inkoper, open). 400 at `reason` without a sentence (or
 * with an amount while prices are hidden from the panel), at `price` when nothing changes or
 * the figures do not add up; 409 when the bid is withdrawn or the tender not open.
 */
export function correctBid(
  ctx: AppContext,
  { actor, access, bidId, input }: { actor: Actor; access: TenderAccess; bidId: string; input: CorrectionInput },
): BidCorrectionView {
  requireTenderRole(access, ['inkoper'], 'inschrijvingen corrigeren');
  return writeTransaction(ctx.db, () => {
    const { tender, fields, before, after, lowBidReviewState } = planCorrection(ctx, access, bidId, input);
    writeBidFields(ctx, tender.id, fields);
    const row = {
      tenderId: tender.id,
      bidId,
      number: ctx.queries.bids.nextCorrectionNumber(tender.id, bidId),
      correctedAt: ctx.clock().toISOString(),
      correctedBy: actor.userId,
      reason: input.reason.trim(),
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      lowBidReviewState,
    };
    ctx.queries.bids.insertCorrection(row);
    const view = correctionViewOf(row);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: 'bid.correct',
      entityType: 'bid',
      entityId: `${tender.id}/${bidId}`,
      tenderId: tender.id,
      change: {
        before: view.before,
        after: view.after,
        number: view.number,
        correctedAt: view.correctedAt,
        reason: view.reason,
        lowBidReviewState: view.lowBidReviewState,
      },
    });
    return view;
  });
}

function planWithdrawal(
  ctx: AppContext,
  access: TenderAccess,
  bidId: string,
  input: WithdrawalInput,
): { tender: TenderRow; bid: Bid; withdrawal: BidWithdrawal } {
  const { tender, bid } = openBid(ctx, access, bidId);
  // Before the price opening there is no price to correct: the figures come from the envelopes.
  requirePricesOpened(tender);
  const errors = reasonProblems(input.reason, { pricesHidden: !tender.showPricesToEvaluators });
  const today = todayInAmsterdam(ctx.clock());
  if (input.receivedOn > today) errors.push({ path: 'receivedOn', message: `de datum van ontvangst kan niet na vandaag (${today}) liggen` });
  if (errors.length > 0) throw new AppError('invalid-input', { detail: 'De intrekking is niet vastgelegd.', errors });
  return { tender, bid, withdrawal: { receivedOn: input.receivedOn, reason: input.reason.trim() } };
}

/** What `withdrawBid` would record, checked the same way, without writing: the page asks to confirm it. */
export function previewWithdrawal(
  ctx: AppContext,
  { access, bidId, input }: { access: TenderAccess; bidId: string; input: WithdrawalInput },
): { bid: Bid; withdrawal: BidWithdrawal } {
  requireTenderRole(access, ['inkoper'], 'een intrekking vastleggen');
  const { bid, withdrawal } = planWithdrawal(ctx, access, bidId, input);
  return { bid, withdrawal };
}

/**
 * `POST .../bids/:bidId/withdrawal` (inkoper, open). 400 at `reason` as for a correction, at
 * `receivedOn` for a day after today (Europe/Amsterdam); 409 when already withdrawn or the
 * tender not open.
 */
export function withdrawBid(
  ctx: AppContext,
  { actor, access, bidId, input }: { actor: Actor; access: TenderAccess; bidId: string; input: WithdrawalInput },
): WithdrawalView {
  requireTenderRole(access, ['inkoper'], 'een intrekking vastleggen');
  return writeTransaction(ctx.db, () => {
    const { tender, bid, withdrawal } = planWithdrawal(ctx, access, bidId, input);
    ctx.queries.bids.updateBid(tender.id, bidId, { withdrawnOn: withdrawal.receivedOn, withdrawalReason: withdrawal.reason });
    const recordedAt = ctx.clock().toISOString();
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: 'bid.withdraw',
      entityType: 'bid',
      entityId: `${tender.id}/${bidId}`,
      tenderId: tender.id,
      change: { before: { withdrawal: null }, after: { withdrawal }, lowBidReviewState: startedReviewState(bid) },
    });
    return { bidId, ...withdrawal, recordedAt };
  });
}
