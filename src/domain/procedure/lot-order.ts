/**
 * @module
 * The `lot-order` rule (issue 21, rule 1): the lots are awarded one after another in the
 * published order, each to its best-ranked bid whose school has not yet reached the maximum.
 *
 * A tie: when two or more bids of schools still below the maximum share the best eligible
 * rank, the tool cannot draw lots (spec "Ties and ranks"), so the lot has no winner yet and,
 * until the draw, counts for each of the tied schools. Counting it for only one would let the
 * other end above the maximum if it won the draw; counting it for none would let both. So
 * whatever the draw, no school ends with more than the maximum (docs/procedures.md).
 */
import type { Allocation, CountedLot, DrawnWinners, LotOutcome, PassedOver } from './allocation.js';
import type { LotStanding } from './lot-standing.js';

/**
 * A recorded draw (`draws`, per lot the bid it fell on) decides a tied lot when the drawn bid
 * is among the tied bids still eligible; the lot then counts for that school only, which may
 * give a later lot to a school the tie had passed over.
 */
export function allocateInLotOrder(
  standings: readonly LotStanding[],
  maxLotsPerBidder: number,
  lotOrder: readonly string[],
  draws: DrawnWinners = new Map(),
): Allocation {
  const byId = new Map(standings.map((standing) => [standing.lotId, standing]));
  const counted = new Map<string, CountedLot[]>();
  const countOf = (kvk: string) => counted.get(kvk)?.length ?? 0;
  const count = (kvk: string, lot: CountedLot) => counted.set(kvk, [...(counted.get(kvk) ?? []), lot]);
  const allocation: Allocation = new Map();
  for (const lotId of lotOrder) {
    const standing = byId.get(lotId);
    if (standing === undefined) throw new Error(`lotOrder names lot ${lotId}, which has no standing`);
    const passedOver: PassedOver[] = [];
    let outcome: LotOutcome = { kind: 'no-eligible-bid', passedOver };
    for (const group of standing.groups) {
      const eligible = group.filter((bid) => countOf(bid.kvk) < maxLotsPerBidder);
      for (const bid of group) {
        if (!eligible.includes(bid)) passedOver.push({ bid, why: 'limit-reached', counted: counted.get(bid.kvk) ?? [] });
      }
      const [first] = eligible;
      if (first === undefined) continue;
      if (eligible.length === 1) {
        outcome = { kind: 'awarded', bid: first, passedOver };
        count(first.kvk, { lotId, drawPending: false });
      } else {
        const drawn = eligible.find((bid) => bid.bidId === draws.get(lotId));
        if (drawn !== undefined) {
          outcome = { kind: 'awarded', bid: drawn, passedOver, tiedWith: eligible.filter((bid) => bid !== drawn) };
          count(drawn.kvk, { lotId, drawPending: false });
          break;
        }
        outcome = { kind: 'tie', bids: eligible, passedOver };
        for (const bid of eligible) count(bid.kvk, { lotId, drawPending: true });
      }
      break;
    }
    allocation.set(lotId, outcome);
  }
  return allocation;
}
