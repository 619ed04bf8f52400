/**
 * @module
 * The outcome of allocating the lots of a procedure under an award limitation, before it is
 * put into words (allocation-reason.ts). Each rule (lot-order.ts, bidder-preference.ts)
 * returns, per lot, one of: awarded to one bid, held up by a tie only a draw of lots can
 * decide, or left without an eligible bid; and the better-ranked bids it passed over, each
 * with why.
 */
import type { StandingBid } from './lot-standing.js';

/** A lot counted for a school: won, or awaiting a draw of lots in which the school takes part. */
export type CountedLot = { lotId: string; drawPending: boolean };

export type PassedOver =
  /** `lot-order`: the school already had its maximum when this lot's turn came. */
  | { bid: StandingBid; why: 'limit-reached'; counted: CountedLot[] }
  /** `bidder-preference`: the school keeps these lots, all of which it prefers to this one. */
  | { bid: StandingBid; why: 'released'; kept: CountedLot[] };

export type LotOutcome =
  /** `tiedWith`: the other bids the lot was tied between when a recorded draw decided it for `bid`. */
  | { kind: 'awarded'; bid: StandingBid; passedOver: PassedOver[]; tiedWith?: StandingBid[] }
  /** Two or more eligible bids share the best eligible rank: drawing lots decides (the spec's tie rule). */
  | { kind: 'tie'; bids: StandingBid[]; passedOver: PassedOver[] }
  | { kind: 'no-eligible-bid'; passedOver: PassedOver[] };

/** Per lot id. */
export type Allocation = Map<string, LotOutcome>;

/** Per lot id, the bid id a recorded draw of lots fell on. */
export type DrawnWinners = ReadonlyMap<string, string>;

/** A recorded draw that decided its lot: the single tender's `drawOfLots` shape. */
export type UsedDraw = { winner: string; record: string; tiedBids: string[] };

/** The allocation as `evaluate` prints it for a procedure (docs/procedures.md). */
export type LotAllocation = {
  lotId: string;
  winner: string | null;
  winnerWithoutLimit: string | null;
  reason: string;
  /**
   * Only while the lot awaits a draw of lots: the bid ids tied for it, in bid id order (the
   * bids among which the draw must fall). With a limitation the draw is recorded on the
   * procedure; without one in the lot's own award decision.
   */
  tiedBids?: string[];
  /** Only when a recorded draw decided the lot. */
  drawOfLots?: UsedDraw;
  /** Only when a draw is recorded for the lot but it is not (or no longer) tied with the drawn bid among the tied. */
  drawNotUsed?: { winner: string; record: string };
};
