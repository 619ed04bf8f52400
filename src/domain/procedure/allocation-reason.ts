/**
 * @module
 * The reason of each lot's allocation as one Dutch sentence, for the officer and for the
 * letters a later step will write: to whom the lot goes and, when that is not the best bid,
 * which schools were passed over and why. Bids are named by school and code ("School (B2)",
 * bid-label.ts); a passed-over school by name and KvK number, since the limitation counts
 * per KvK number.
 */
import { bidLabel } from '../bid-label.js';
import type { CountedLot, LotOutcome, PassedOver } from './allocation.js';
import type { LotStanding, StandingBid } from './lot-standing.js';

const NUMBER_WORDS = ['één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien'];

/**
 * @example ordinalBid(1) // 'de beste inschrijving'
 * @example ordinalBid(2) // 'de op één na beste inschrijving'
 */
export function ordinalBid(rank: number): string {
  if (rank === 1) return 'de beste inschrijving';
  return `de op ${NUMBER_WORDS[rank - 2] ?? String(rank - 1)} na beste inschrijving`;
}

const label = (bid: StandingBid) => bidLabel(bid.bidId, bid.school);
const school = (bid: StandingBid) => `${bid.school} (KvK ${bid.kvk})`;
const lots = (n: number) => (n === 1 ? '1 perceel' : `${n} percelen`);

/** @example joinNl(['A', 'B', 'C']) // 'A, B en C' */
export function joinNl(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

function lotList(counted: readonly CountedLot[]): string {
  const names = counted.map((lot) => `${lot.lotId}${lot.drawPending ? ' (loting)' : ''}`);
  return counted.length === 1 ? `perceel ${names[0]}` : `de percelen ${joinNl(names)}`;
}

function passedOverText(passed: PassedOver, max: number): string {
  if (passed.why === 'limit-reached') return `${school(passed.bid)} heeft al ${lotList(passed.counted)} (maximaal ${lots(max)} per inschrijver)`;
  const kept = passed.kept.length === 1 ? `${lotList(passed.kept)}, dat zij liever heeft` : `${lotList(passed.kept)}, die zij liever heeft`;
  return `${school(passed.bid)} houdt ${kept} (maximaal ${lots(max)} per inschrijver)`;
}

/** `max` is the limitation's maximum, or null without a limitation. */
export function allocationReason(standing: LotStanding, outcome: LotOutcome, max: number | null): string {
  const passed = outcome.passedOver.map((p) => passedOverText(p, max ?? 0)).join('; ');
  switch (outcome.kind) {
    case 'awarded':
      if (outcome.tiedWith !== undefined) {
        const tied = joinNl([outcome.bid, ...outcome.tiedWith].sort((a, b) => (a.bidId < b.bidId ? -1 : 1)).map(label));
        return `Gegund na loting aan ${label(outcome.bid)}: ${tied} stonden gelijk op plaats ${outcome.bid.rank} en de vastgelegde loting wees ${label(outcome.bid)} aan${passed === '' ? '' : `; ${passed}`}.`;
      }
      return `Gegund aan ${ordinalBid(outcome.bid.rank)}, ${label(outcome.bid)}${passed === '' ? '' : `: ${passed}`}.`;
    case 'tie': {
      const counts = max === null ? '' : ' (tot de loting telt het perceel mee voor het maximum van elk van deze inschrijvers)';
      const tied = `${joinNl(outcome.bids.map(label))} staan gelijk op plaats ${outcome.bids[0]?.rank ?? ''} en de beslisregel bij gelijke stand beslist niet: loting is nodig${counts}`;
      return `Nog niet gegund: ${tied}${passed === '' ? '' : `; ${passed}`}.`;
    }
    case 'no-eligible-bid':
      if (standing.bidCount === 0) return 'Niet gegund: er is geen inschrijving op dit perceel.';
      if (standing.groups.length === 0) return 'Niet gegund: alle inschrijvingen op dit perceel zijn uitgesloten.';
      return `Niet gegund: geen geldige inschrijving over binnen het maximum: ${passed}.`;
  }
}

/** Appended to a lot's reason when a recorded draw did not decide it (not tied, or the drawn bid no longer among the tied). */
export function drawNotUsedReason(winner: string): string {
  return `De vastgelegde loting (gevallen op ${winner}) is niet gebruikt: ${winner} staat op dit perceel niet (meer) gelijk met een andere inschrijving die het perceel nog kan krijgen.`;
}
