/**
 * @module
 * What the allocation needs of one lot's evaluation: its ranked bids grouped by rank, best
 * first, each with its school (KvK number and name). Excluded bids (knock-out, ceiling, fixed
 * price, art. 2.116 rejection, withdrawal) are not in the groups: they can win no lot, with
 * or without a limitation. Bids that share a rank (the tie-break did not decide, spec "Ties
 * and ranks") stay together in one group, in bid id order as the result lists them.
 */
import type { Dossier } from '../evaluation/dossier.js';
import type { EvaluationResult } from '../evaluation/result.js';

export type StandingBid = { bidId: string; kvk: string; school: string; rank: number };

export type LotStanding = {
  lotId: string;
  /** The ranked bids, grouped by shared rank, best group first. */
  groups: StandingBid[][];
  /** Every bid of the lot, excluded ones included. */
  bidCount: number;
  /** The lot's own winner, without any limitation (the result's `winner`). */
  winner: string | null;
};

export function lotStanding(lotId: string, dossier: Dossier, result: EvaluationResult): LotStanding {
  const providers = new Map(dossier.bids.map((bid) => [bid.id, bid.provider]));
  const groups: StandingBid[][] = [];
  for (const bid of result.bids) {
    if (bid.status !== 'ranked' || bid.rank === null) continue;
    const provider = providers.get(bid.bidId);
    if (provider === undefined) throw new Error(`bid ${bid.bidId} of lot ${lotId} is not in its dossier`);
    const standing = { bidId: bid.bidId, kvk: provider.kvk, school: provider.name, rank: bid.rank };
    const last = groups[groups.length - 1];
    if (last !== undefined && last[0]?.rank === bid.rank) last.push(standing);
    else groups.push([standing]);
  }
  return { lotId, groups, bidCount: dossier.bids.length, winner: result.winner };
}
