/**
 * @module
 * The `bidder-preference` rule (issue 21, rule 2): a school that wins more than the maximum
 * keeps the lots it prefers (school-preference.ts), and each lot it releases goes to the
 * next-ranked bid, repeating until stable. This is deferred acceptance with the lots
 * offering themselves down their rankings and each school holding at most N offers.
 *
 * A tie: the bids sharing a lot's current rank all hold the offer together, and the lot counts
 * for each of them; a tied school that prefers N other lots releases it like any other. If two
 * or more still hold it at the end, the draw of lots decides (the spec's tie rule) and the
 * lot has no winner yet; counting it for every tied school keeps each at most N whatever the
 * draw (as in lot-order.ts).
 *
 * Termination: every step removes one (lot, bid) offer, and an offer is never made again
 * because a lot's position in its ranking only moves down (a lot moves to its next group
 * only when every bid of the current group released it). So there are at most as many steps
 * as ranked bids over all lots.
 *
 * Independence of the order of steps: an offer to a school is withdrawn only when that school
 * releases it, so the set of lots ever offered to a school only grows, and a school releases a
 * lot exactly when it has N lots offered that it prefers. A release therefore stays justified
 * whatever happens later: every release made in one order is also made in any other, and the
 * end state is the one where all justified releases are made (the least fixed point of a
 * monotone step, as for deferred acceptance, Gale and Shapley 1962). The loop below takes the
 * schools in KvK order only to be plainly deterministic.
 *
 * A recorded draw of lots (`draws`, per lot the bid it fell on) splits the drawn bid's group
 * into the drawn bid and, just after it, the rest of the group: the lot is offered to the
 * drawn bid alone, and to the others only if that school releases it. That is the same
 * deferred acceptance on a ranking without that tie, so termination and independence of the
 * order hold as above. The lot counts only for the drawn school, which may let a tied school
 * keep a lot it would otherwise have released. The draw is reported as used only when, at the
 * end, the drawn bid holds the lot and another bid of its group would have held it with it:
 * a school that holds its maximum of lots it prefers would have released the lot anyway.
 */
import type { Allocation, CountedLot, DrawnWinners, PassedOver } from './allocation.js';
import type { LotStanding, StandingBid } from './lot-standing.js';
import { comparePreference, preferenceKeys } from './school-preference.js';

type LotState = {
  standing: LotStanding;
  groups: StandingBid[][];
  /** The drawn bid's group as ranked, when a recorded draw split it. */
  drawGroup: StandingBid[] | undefined;
  position: number;
  holders: StandingBid[];
  released: StandingBid[];
};

/** The lot's groups with the drawn bid's group split in two: the drawn bid, then the rest. */
function withDraw(standing: LotStanding, drawn: string | undefined): Pick<LotState, 'groups' | 'drawGroup'> {
  const at = standing.groups.findIndex((group) => group.length > 1 && group.some((bid) => bid.bidId === drawn));
  const group = standing.groups[at];
  if (group === undefined) return { groups: standing.groups, drawGroup: undefined };
  const split = [group.filter((bid) => bid.bidId === drawn), group.filter((bid) => bid.bidId !== drawn)];
  return { groups: [...standing.groups.slice(0, at), ...split, ...standing.groups.slice(at + 1)], drawGroup: group };
}

export function allocateByPreference(
  standings: readonly LotStanding[],
  maxLotsPerBidder: number,
  preferences: Readonly<Record<string, readonly string[]>>,
  draws: DrawnWinners = new Map(),
): Allocation {
  const keys = preferenceKeys(standings, preferences);
  // preferenceKeys gives every school a key on every lot it bid on, and a school holds only lots it bid on.
  const keyOf = (kvk: string, lotId: string) => {
    const key = keys.get(kvk)?.get(lotId);
    if (key === undefined) throw new Error(`geen voorkeurssleutel voor ${kvk} op perceel ${lotId}`);
    return key;
  };
  const lots = new Map<string, LotState>(
    standings.map((standing) => {
      const refined = withDraw(standing, draws.get(standing.lotId));
      return [standing.lotId, { standing, ...refined, position: 0, holders: [...(refined.groups[0] ?? [])], released: [] }];
    }),
  );
  const held = (kvk: string) => [...lots.values()].filter((lot) => lot.holders.some((bid) => bid.kvk === kvk));
  const schools = [...keys.keys()].sort();
  for (;;) {
    const over = schools.find((kvk) => held(kvk).length > maxLotsPerBidder);
    if (over === undefined) break;
    const least = held(over).reduce((worst, lot) => (comparePreference(keyOf(over, lot.standing.lotId), keyOf(over, worst.standing.lotId)) > 0 ? lot : worst));
    // held(over) holds only lots where `over` is among the holders: it leaves exactly those bids.
    const released = least.holders.filter((holder) => holder.kvk === over);
    least.holders = least.holders.filter((holder) => holder.kvk !== over);
    least.released.push(...released);
    while (least.holders.length === 0 && least.position < least.groups.length) {
      least.position += 1;
      least.holders = [...(least.groups[least.position] ?? [])];
    }
  }
  const counted = (kvk: string): CountedLot[] =>
    held(kvk)
      .sort((a, b) => comparePreference(keyOf(kvk, a.standing.lotId), keyOf(kvk, b.standing.lotId)))
      .map((lot) => ({ lotId: lot.standing.lotId, drawPending: lot.holders.length > 1 }));
  const allocation: Allocation = new Map();
  for (const [lotId, lot] of lots) {
    // Released in rank order, and at a shared rank in bid id order, whatever order the loop took.
    const passedOver: PassedOver[] = [...lot.released]
      .sort((a, b) => a.rank - b.rank || (a.bidId < b.bidId ? -1 : 1))
      .map((bid) => ({ bid, why: 'released', kept: counted(bid.kvk) }));
    const [first] = lot.holders;
    // A school at its maximum of lots it prefers to this one would have released it: no tie with it.
    const wouldRelease = (bid: StandingBid) => {
      const others = held(bid.kvk);
      return others.length >= maxLotsPerBidder && others.every((o) => comparePreference(keyOf(bid.kvk, o.standing.lotId), keyOf(bid.kvk, lotId)) < 0);
    };
    const tiedWith = first !== undefined && first.bidId === draws.get(lotId) ? (lot.drawGroup ?? []).filter((bid) => bid !== first && !wouldRelease(bid)) : [];
    if (first === undefined) allocation.set(lotId, { kind: 'no-eligible-bid', passedOver });
    else if (lot.holders.length === 1 && tiedWith.length > 0) allocation.set(lotId, { kind: 'awarded', bid: first, passedOver, tiedWith });
    else if (lot.holders.length === 1) allocation.set(lotId, { kind: 'awarded', bid: first, passedOver });
    else allocation.set(lotId, { kind: 'tie', bids: lot.holders, passedOver });
  }
  return allocation;
}
