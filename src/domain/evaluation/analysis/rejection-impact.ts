/**
 * @module
 * What is at stake in each art. 2.116 decision: for every flagged bid, who would win if it
 * were rejected. The officer sees before deciding whether a rejection changes the award
 * (and so needs the most careful motivation, because the bidder has the most reason to
 * contest it) or leaves the winner as it is.
 *
 * Method: evaluate again without the bid, all else equal. Rejecting a bid does not change
 * the flags of the others (`low-bids.md`: a rejected bid stays in the set the rules see),
 * so only the ranking is recomputed. Under a relative method the rejected bid's price also
 * moves the others' price points, which is exactly why the winner can change even when the
 * flagged bid is not the winner. A flagged bid that is already excluded (e.g. already
 * rejected) changes nothing: its entry names the current winner. A null winner (a tie at
 * rank 1) counts like a bid id: `changesWinner` is true only when the two differ.
 *
 * Example (templates/examples/b1-route-ijsselland.dossier.json, lowest-relative 30):
 * B3 at EUR 289.000 is flagged and takes the full 30 price points; B2 wins. Without B3,
 * B4 at EUR 452.000 sets P_min, and B2 still wins: `{ winnerIfRejected: 'B2', changesWinner: false }`.
 */
import type { Field } from '../field.js';
import { createReducedField, removeBidInto, winnerAt } from '../field.js';
import { compareIds } from '../ranking.js';
import type { RejectionImpact } from '../result.js';

/**
 * Per flagged bid, in bid-id order.
 * @example
 * computeRejectionImpact(field, winnerIndex, ['B3']) // { B3: { winnerIfRejected: 'B2', changesWinner: false } }
 */
export function computeRejectionImpact(field: Field, winner: number | null, flaggedBidIds: Iterable<string>): Record<string, RejectionImpact> {
  const winnerId = winner === null ? null : (field.ids[winner] ?? null);
  const impact: Record<string, RejectionImpact> = {};
  const buffer = createReducedField(field);
  for (const bidId of [...new Set(flaggedBidIds)].sort(compareIds)) {
    const index = field.ids.indexOf(bidId);
    if (index < 0) {
      impact[bidId] = { winnerIfRejected: winnerId, changesWinner: false };
      continue;
    }
    const reduced = removeBidInto(buffer, field, index);
    const newWinner = winnerAt(reduced, reduced.pricesCents);
    const winnerIfRejected = newWinner === null ? null : (reduced.ids[newWinner] ?? null);
    impact[bidId] = { winnerIfRejected, changesWinner: winnerIfRejected !== winnerId };
  }
  return impact;
}
