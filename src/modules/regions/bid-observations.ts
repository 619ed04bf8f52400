/**
 * @module
 * One tender's bids as the rows of the regional comparison (`BidObservation`). What each
 * field means here, where the pure comparison leaves it to the caller:
 * - **tenderDate**: the calendar day (Europe/Amsterdam) the tender was opened, i.e. when
 *   bidding closed and the prices were final (a draft, which no caller sees in the
 *   comparison, has the day it was made). Not the award decision: open tenders have none, and a price belongs to the
 *   market of the day it was offered.
 * - **won**: the bid is the winner of the tender's award decision (`award-proposed` or
 *   `awarded`). The leader of an open tender has won nothing yet.
 * - **qualityFraction, flagged, excluded**: from the evaluation the award decision rests on
 *   (stored with the decision, and nothing changes after it); for a tender without a decision,
 *   from the engine on the exported dossier, without the analysis (rank reversal, price to
 *   win), which these fields do not use. A bid still missing consensus scores has no quality
 *   and no flags yet, as in `GET .../evaluation`.
 * - **reviewOutcome**: the stored art. 2.116 review: `accepted` / `rejected` once decided,
 *   `pending` while under way, null when none was started.
 * - **priceCents**: the bid's price, or in a fixed-price tender the fixed price. A bid with
 *   neither (a fixed-price draft without its price) is left out: it offered no price.
 */
import { todayInAmsterdam } from '../../domain/dates.js';
import type { BidObservation, ReviewOutcome } from '../../domain/comparison/observation.js';
import type { LowBidReview } from '../../domain/evaluation/dossier.js';
import { evaluateDossier } from '../../domain/evaluation/evaluate.js';
import type { BidResult } from '../../domain/evaluation/result.js';
import type { StoredAwardDecision } from '../award/award.service.js';
import { findMissingScores } from '../evaluation/evaluation.service.js';
import { storedTenderToDossier } from '../tenders/dossier-mapping.js';
import type { StoredTender } from '../tenders/tenders.queries.js';

/** The calendar day a tender counts on in the comparison. */
export function comparisonDateOf(tender: { openedAt: string | null; createdAt: string }): string {
  return todayInAmsterdam(new Date(tender.openedAt ?? tender.createdAt));
}

function reviewOutcomeOf(json: string | null): ReviewOutcome | null {
  if (json === null) return null;
  const { state } = JSON.parse(json) as LowBidReview;
  if (state === 'accepted' || state === 'rejected') return state;
  return state === 'open' ? null : 'pending';
}

/** The engine's verdict per bid and the winner, from the decision or computed now. */
function evaluatedBids(stored: StoredTender): { results: Map<string, BidResult>; winner: string | null } {
  const { awardDecision } = stored.tender;
  if (awardDecision !== null) {
    const decision = JSON.parse(awardDecision) as StoredAwardDecision;
    return { results: new Map(decision.evaluation.bids.map((bid) => [bid.bidId, bid])), winner: decision.winner };
  }
  const dossier = storedTenderToDossier(stored);
  const lacking = new Set(findMissingScores(dossier).map((missing) => missing.bidId));
  const complete = lacking.size === 0 ? dossier : { ...dossier, bids: dossier.bids.filter((bid) => !lacking.has(bid.id)) };
  const result = evaluateDossier(complete, { analysis: false });
  return { results: new Map(result.bids.map((bid) => [bid.bidId, bid])), winner: null };
}

/**
 * The comparison rows of one tender, in bid order.
 * @example observationsOfTender(ctx.queries.tenders.loadTender(id)) // [{ tenderId, route: 'B1-route', won: true, ... }, ...]
 */
export function observationsOfTender(stored: StoredTender): BidObservation[] {
  const { tender } = stored;
  const { results, winner } = evaluatedBids(stored);
  const qualityWeight = stored.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const tenderDate = comparisonDateOf(tender);
  const observations: BidObservation[] = [];
  for (const bid of stored.bids) {
    const priceCents = bid.priceCents ?? tender.fixedPriceCents;
    if (priceCents === null || priceCents <= 0) continue;
    const result = results.get(bid.id);
    observations.push({
      tenderId: tender.id,
      tenderDate,
      route: tender.lot,
      status: tender.status,
      buyerId: tender.organisationId,
      providerKvk: bid.providerKvk,
      providerName: bid.providerName,
      priceCents,
      expectedLearners: tender.expectedLearners,
      qualityFraction: result === undefined || qualityWeight <= 0 ? null : result.qualityPoints / qualityWeight,
      won: winner === bid.id,
      flagged: result !== undefined && result.lowBidFlags.length > 0,
      reviewOutcome: reviewOutcomeOf(bid.lowBidReview),
      excluded: result?.status === 'excluded',
    });
  }
  return observations;
}
