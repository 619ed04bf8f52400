/**
 * @module
 * The allocation of a procedure's lots from each lot's evaluation: without a limitation each
 * lot goes to its own winner; with one, the published rule decides (lot-order.ts,
 * bidder-preference.ts). Pure and deterministic: the same lots, limitation and preferences
 * give the same allocation, in the order of the lots in the file.
 */
import type { Allocation, LotAllocation } from './allocation.js';
import { allocationReason } from './allocation-reason.js';
import { allocateByPreference } from './bidder-preference.js';
import { allocateInLotOrder } from './lot-order.js';
import type { LotStanding } from './lot-standing.js';
import type { AwardLimit } from './procedure.js';

function outcomes(standings: readonly LotStanding[], limit: AwardLimit | undefined, preferences: Readonly<Record<string, readonly string[]>>): Allocation {
  // Without a limitation no school is ever at a maximum, so "each lot to its best bid" is
  // lot order with no maximum: a shared first rank stays undecided, as in the lot's result.
  if (limit === undefined)
    return allocateInLotOrder(
      standings,
      Number.POSITIVE_INFINITY,
      standings.map((s) => s.lotId),
    );
  if (limit.rule === 'lot-order') return allocateInLotOrder(standings, limit.maxLotsPerBidder, limit.lotOrder ?? []);
  return allocateByPreference(standings, limit.maxLotsPerBidder, preferences);
}

export function allocateLots(
  standings: readonly LotStanding[],
  limit: AwardLimit | undefined,
  preferences: Readonly<Record<string, readonly string[]>> = {},
): LotAllocation[] {
  const allocation = outcomes(standings, limit, preferences);
  return standings.map((standing) => {
    const outcome = allocation.get(standing.lotId);
    if (outcome === undefined) throw new Error(`lot ${standing.lotId} was not allocated`);
    return {
      lotId: standing.lotId,
      winner: outcome.kind === 'awarded' ? outcome.bid.bidId : null,
      winnerWithoutLimit: standing.winner,
      reason: allocationReason(standing, outcome, limit === undefined ? null : limit.maxLotsPerBidder),
    };
  });
}
