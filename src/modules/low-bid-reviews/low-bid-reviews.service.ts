/**
 * @module
 * The art. 2.116 review of a bid that appears abnormally low, as the officer records it:
 * each step goes through the domain's state machine (`applyReviewAction`) on the officer's
 * calendar date in Amsterdam, and is stored in the bid's `lowBidReview` (the dossier's own
 * record, so an exported dossier carries it and the CLI re-computes the same exclusions)
 * together with an audit event holding the review before and after. The officer's questions
 * and motivation reach the bidder while the other bids are confidential, so a text naming
 * another bidder or writing one of its prices is refused (400, other-bids-in-text.ts).
 */
import { writeTransaction } from '../../db/client.js';
import { todayInAmsterdam } from '../../domain/dates.js';
import type { LowBidReview } from '../../domain/evaluation/dossier.js';
import { findOtherBidsInText } from '../../domain/low-bids/other-bids-in-text.js';
import { draftExplanationRequestLetter } from '../../domain/low-bids/review-letter.js';
import { joinQuestions } from '../../domain/low-bids/review-questions.js';
import { applyReviewAction, isReviewRefusal, type ReviewAction, type ReviewRefusal } from '../../domain/low-bids/review.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { computeEvaluation, loadDossier, lowBidFlagsOf } from '../evaluation/evaluation.service.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import { requireChangeAllowed } from '../tenders/tender-lifecycle.js';

export type LowBidReviewView = { bidId: string; lowBidReview: LowBidReview };

/** The input field a `review-invalid` refusal is about: the domain names the rule, the route the field. */
function invalidPath(action: ReviewAction): string {
  switch (action.action) {
    case 'request-explanation':
      return joinQuestions(action.questions) === '' ? 'questions' : 'deadline';
    case 'record-explanation':
      return action.explanation.trim() === '' ? 'explanation' : 'receivedAt';
    case 'decide':
      return 'motivation';
    case 'record-no-response':
      return 'action';
  }
}

function toAppError(refusal: ReviewRefusal, action: ReviewAction): AppError {
  if (refusal.code === 'review-conflict') return new AppError('conflict', { detail: refusal.message });
  return new AppError('invalid-input', { detail: refusal.message, errors: [{ path: invalidPath(action), message: refusal.message }] });
}

/** The officer's text in an action that reaches the bidder: the questions (in the letter), a decision's motivation. */
function textForBidder(action: ReviewAction): { path: string; text: string } | undefined {
  if (action.action === 'request-explanation') return { path: 'questions', text: joinQuestions(action.questions) };
  if (action.action === 'decide') return { path: 'motivation', text: action.motivation };
  return undefined;
}

/** 400 when that text names another bidder or writes one of its prices: the other bids are confidential (docs/access.md). */
function refuseOtherBids(ctx: AppContext, tenderId: string, bidId: string, action: ReviewAction): void {
  const sent = textForBidder(action);
  if (sent === undefined) return;
  const findings = findOtherBidsInText(sent.text, loadDossier(ctx, tenderId).bids, bidId);
  if (findings.length === 0) return;
  throw new AppError('invalid-input', {
    detail:
      `De inschrijver van ${bidId} leest deze tekst, terwijl de andere inschrijvingen vertrouwelijk zijn; ` +
      `de tekst ${findings.join('; ')}. Vraag en motiveer vanuit de eigen cijfers van de inschrijver, de raming en de kostenvloer.`,
    errors: findings.map((message) => ({ path: sent.path, message })),
  });
}

/** `POST .../bids/:bidId/low-bid-review`: one step of the procedure (inkoper, tender open). */
export function applyLowBidReviewAction(
  ctx: AppContext,
  { actor, access, bidId, action }: { actor: Actor; access: TenderAccess; bidId: string; action: ReviewAction },
): LowBidReviewView {
  requireTenderRole(access, ['inkoper'], 'abnormaal lage inschrijvingen onderzoeken');
  return writeTransaction(ctx.db, () => {
    const q = ctx.queries.tenders;
    const tender = q.findTender(access.tender.id);
    if (tender === undefined) throw new AppError('not-found');
    requireChangeAllowed(tender.status, 'low-bid-reviews');
    const bid = q.findBid(tender.id, bidId);
    if (bid === undefined) throw new AppError('not-found', { detail: `Inschrijving ${bidId} bestaat niet.` });
    if (bid.withdrawnOn !== null) {
      throw new AppError('conflict', {
        detail: `Inschrijving ${bidId} is ingetrokken (ontvangen op ${bid.withdrawnOn}); het onderzoek blijft staan zoals het was en kan niet verder.`,
      });
    }
    const before = bid.lowBidReview === null ? undefined : (JSON.parse(bid.lowBidReview) as LowBidReview);
    const outcome = applyReviewAction(before, action, todayInAmsterdam(ctx.clock()));
    if (isReviewRefusal(outcome)) throw toAppError(outcome, action);
    refuseOtherBids(ctx, tender.id, bidId, action);
    q.updateBidReview(tender.id, bidId, JSON.stringify(outcome));
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: `low-bid-review.${action.action}`,
      entityType: 'bid',
      entityId: `${tender.id}/${bidId}`,
      tenderId: tender.id,
      change: { before: before ?? null, after: outcome },
    });
    return { bidId, lowBidReview: outcome };
  });
}

/**
 * `GET .../low-bid-review/letter` (inkoper, auditor): the draft letter of the explanation
 * request as plain text, with the request's date, deadline and questions and the bid's flags
 * as the evaluation shows them now. 409 while no explanation has been requested: the letter
 * is the request, and it cannot name a deadline nobody set.
 */
export function draftReviewLetter(ctx: AppContext, { access, bidId }: { access: TenderAccess; bidId: string }): string {
  requireTenderRole(access, ['inkoper', 'auditor'], 'de brief om toelichting lezen');
  const dossier = loadDossier(ctx, access.tender.id);
  const bid = dossier.bids.find((b) => b.id === bidId);
  if (bid === undefined) throw new AppError('not-found', { detail: `Inschrijving ${bidId} bestaat niet.` });
  const review = bid.lowBidReview;
  if (review?.requestedAt === undefined || review.deadline === undefined || review.questions === undefined) {
    throw new AppError('conflict', {
      detail:
        `Voor inschrijving ${bidId} is nog geen toelichting gevraagd, dus er is nog geen brief. Leg eerst het verzoek vast ` +
        `(POST .../bids/${bidId}/low-bid-review met action "request-explanation", een termijn en de vragen); ` +
        'de brief noemt die termijn en die vragen.',
    });
  }
  const flags = lowBidFlagsOf(computeEvaluation(ctx, access.tender.id), bidId);
  return draftExplanationRequestLetter({
    dossier,
    bidId,
    flags,
    questions: review.questions,
    deadline: review.deadline,
    date: review.requestedAt,
  });
}
