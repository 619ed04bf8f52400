/**
 * @module
 * The allocation of a procedure's lots from each lot's evaluation: without a limitation each
 * lot goes to its own winner; with one, the published rule decides (lot-order.ts,
 * bidder-preference.ts). Pure and deterministic: the same lots, limitation and preferences
 * give the same allocation, in the order of the lots in the file.
 */
import type { Allocation, DrawnWinners, LotAllocation } from './allocation.js';
import { allocationReason, drawNotUsedReason } from './allocation-reason.js';
import { allocateByPreference } from './bidder-preference.js';
import { allocateInLotOrder } from './lot-order.js';
import type { LotStanding } from './lot-standing.js';
import type { AwardLimit, LotDraw } from './procedure.js';

function allocationOutcomes(
  standings: readonly LotStanding[],
  limit: AwardLimit | undefined,
  preferences: Readonly<Record<string, readonly string[]>>,
  draws: DrawnWinners,
): Allocation {
  // Without a limitation no school is ever at a maximum, so "each lot to its best bid" is
  // lot order with no maximum: a shared first rank stays undecided, as in the lot's result.
  if (limit === undefined)
    return allocateInLotOrder(
      standings,
      Number.POSITIVE_INFINITY,
      standings.map((s) => s.lotId),
    );
  if (limit.rule === 'lot-order') return allocateInLotOrder(standings, limit.maxLotsPerBidder, limit.lotOrder ?? [], draws);
  return allocateByPreference(standings, limit.maxLotsPerBidder, preferences, draws);
}

/**
 * `draws` (only with a limitation; the file's schema refuses them without one) decide tied
 * lots; a draw that decided nothing is reported on its lot (`drawNotUsed`), never dropped in
 * silence. Without draws the output is exactly what it was before draws existed.
 */
export function allocateLots(
  standings: readonly LotStanding[],
  limit: AwardLimit | undefined,
  preferences: Readonly<Record<string, readonly string[]>> = {},
  draws: readonly LotDraw[] = [],
): LotAllocation[] {
  const drawOf = new Map(draws.map((draw) => [draw.lotId, draw]));
  const allocation = allocationOutcomes(standings, limit, preferences, new Map(draws.map((draw) => [draw.lotId, draw.winner])));
  return standings.map((standing) => {
    const outcome = allocation.get(standing.lotId);
    if (outcome === undefined) throw new Error(`lot ${standing.lotId} was not allocated`);
    const reason = allocationReason(standing, outcome, limit === undefined ? null : limit.maxLotsPerBidder);
    const lot: LotAllocation = {
      lotId: standing.lotId,
      winner: outcome.kind === 'awarded' ? outcome.bid.bidId : null,
      winnerWithoutLimit: standing.winner,
      reason,
    };
    // A lot awaiting a draw says between which bids, so that whoever records the draw need not evaluate again.
    if (outcome.kind === 'tie') lot.tiedBids = outcome.bids.map((bid) => bid.bidId).sort();
    const draw = drawOf.get(standing.lotId);
    if (draw === undefined) return lot;
    if (outcome.kind === 'awarded' && outcome.tiedWith !== undefined) {
      const tiedBids = [outcome.bid, ...outcome.tiedWith].map((bid) => bid.bidId).sort();
      return { ...lot, drawOfLots: { winner: draw.winner, record: draw.record.trim(), tiedBids } };
    }
    return { ...lot, reason: `${reason} ${drawNotUsedReason(draw.winner)}`, drawNotUsed: { winner: draw.winner, record: draw.record.trim() } };
  });
}
