/**
 * @module
 * The procedure checks that one field cannot make on its own: lot ids unique, the published
 * lot order a permutation of the lots, preferences only for the rule that reads them and only
 * about lots the school bid on, and one bid per school per lot (a school is matched across
 * lots by its KvK number, so two bids of one school on one lot would make "the school's lot"
 * ambiguous). Like the dossier's checks they read the value defensively and also run when
 * other parts are malformed, so that one pass reports every problem (evaluation.md).
 */
import { KVK_MESSAGE } from '../evaluation/dossier.schema.js';
import { isSentence, SENTENCE_RULE_MESSAGE } from '../panel/motivation.js';
import type { Report } from '../evaluation/dossier-rules.js';
import { TEXT_LIMITS } from '../text/text-limits.js';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The lot ids as given (strings only), in file order. */
function lotIds(lots: unknown): string[] {
  if (!Array.isArray(lots)) return [];
  return lots.flatMap((lot) => (isRecord(lot) && typeof lot['id'] === 'string' ? [lot['id']] : []));
}

/** Per lot id, the KvK numbers that bid on it. */
function biddersPerLot(lots: unknown): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (!Array.isArray(lots)) return out;
  for (const lot of lots) {
    if (!isRecord(lot) || typeof lot['id'] !== 'string' || !isRecord(lot['dossier'])) continue;
    const bids = lot['dossier']['bids'];
    const kvks = new Set<string>();
    if (Array.isArray(bids)) {
      for (const bid of bids) {
        const provider = isRecord(bid) ? bid['provider'] : undefined;
        if (isRecord(provider) && typeof provider['kvk'] === 'string') kvks.add(provider['kvk']);
      }
    }
    out.set(lot['id'], kvks);
  }
  return out;
}

/** Lot ids name the lots in the allocation and in the preferences, so they must be unique. */
export function checkUniqueLotIds(lots: unknown, report: Report): void {
  if (!Array.isArray(lots)) return;
  const first = new Map<string, number>();
  lots.forEach((lot, i) => {
    if (!isRecord(lot) || typeof lot['id'] !== 'string') return;
    const earlier = first.get(lot['id']);
    if (earlier === undefined) first.set(lot['id'], i);
    else report([i, 'id'], `perceel-id "${lot['id']}" komt al voor bij lots[${earlier}]`);
  });
}

/** One bid per school per lot: the allocation counts lots per school (KvK number). */
export function checkOneBidPerSchool(lots: unknown, report: Report): void {
  if (!Array.isArray(lots)) return;
  lots.forEach((lot, i) => {
    if (!isRecord(lot) || !isRecord(lot['dossier']) || !Array.isArray(lot['dossier']['bids'])) return;
    const first = new Map<string, number>();
    lot['dossier']['bids'].forEach((bid: unknown, j: number) => {
      const provider = isRecord(bid) ? bid['provider'] : undefined;
      if (!isRecord(provider) || typeof provider['kvk'] !== 'string') return;
      const earlier = first.get(provider['kvk']);
      if (earlier === undefined) first.set(provider['kvk'], j);
      else
        report(
          [i, 'dossier', 'bids', j, 'provider', 'kvk'],
          `deze inschrijver (KvK ${provider['kvk']}) schreef op dit perceel al in met bids[${earlier}]; één inschrijving per inschrijver per perceel`,
        );
    });
  });
}

/** The limitation against the lots: `lotOrder` exactly for `lot-order`, a permutation of the lot ids. */
export function checkAwardLimit(awardLimit: unknown, lots: unknown, report: Report): void {
  if (!isRecord(awardLimit)) return;
  const { rule, lotOrder } = awardLimit;
  if (rule === 'bidder-preference' && lotOrder !== undefined) {
    report(['awardLimit', 'lotOrder'], 'hoort alleen bij de regel "lot-order"; laat lotOrder weg');
    return;
  }
  if (rule !== 'lot-order') return;
  if (lotOrder === undefined) {
    report(['awardLimit', 'lotOrder'], 'ontbreekt; verplicht bij de regel "lot-order" (de gepubliceerde volgorde van de percelen)');
    return;
  }
  if (!Array.isArray(lotOrder)) return;
  const ids = new Set(lotIds(lots));
  const seen = new Set<string>();
  lotOrder.forEach((entry, i) => {
    if (typeof entry !== 'string') return;
    if (seen.has(entry)) report(['awardLimit', 'lotOrder', i], `perceel "${entry}" staat al eerder in de volgorde`);
    else if (!ids.has(entry)) report(['awardLimit', 'lotOrder', i], `geen perceel van deze procedure: "${entry}"`);
    seen.add(entry);
  });
  for (const id of ids) {
    if (!seen.has(id)) report(['awardLimit', 'lotOrder'], `perceel "${id}" ontbreekt; de volgorde noemt elk perceel precies één keer`);
  }
}

/** Preferences only with `bidder-preference`, only of schools that bid, only about their own lots. */
export function checkPreferences(preferences: unknown, awardLimit: unknown, lots: unknown, report: Report): void {
  if (!isRecord(preferences)) return;
  const rule = isRecord(awardLimit) ? awardLimit['rule'] : undefined;
  if (rule !== 'bidder-preference') {
    report(['preferences'], 'voorkeuren gelden alleen bij awardLimit.rule "bidder-preference"; laat preferences weg');
    return;
  }
  const bidders = biddersPerLot(lots);
  const everyBidder = new Set([...bidders.values()].flatMap((kvks) => [...kvks]));
  for (const [kvk, order] of Object.entries(preferences)) {
    if (!/^\d{8}$/.test(kvk)) {
      // A long key is not repeated in the path: the message says what is wrong with it.
      if (kvk.length <= TEXT_LIMITS.id) report(['preferences', kvk], KVK_MESSAGE);
      else report(['preferences'], `${KVK_MESSAGE}; een sleutel van ${kvk.length} tekens is dat niet`);
      continue;
    }
    if (!everyBidder.has(kvk)) {
      report(['preferences', kvk], `geen school met KvK ${kvk} heeft op een perceel van deze procedure ingeschreven`);
      continue;
    }
    if (!Array.isArray(order)) continue;
    const seen = new Set<string>();
    order.forEach((lotId, i) => {
      if (typeof lotId !== 'string') return;
      const lotBidders = bidders.get(lotId);
      if (seen.has(lotId)) report(['preferences', kvk, i], `perceel "${lotId}" staat al eerder in deze voorkeur`);
      else if (lotBidders === undefined) report(['preferences', kvk, i], `geen perceel van deze procedure: "${lotId}"`);
      else if (!lotBidders.has(kvk)) report(['preferences', kvk, i], `KvK ${kvk} heeft niet ingeschreven op perceel "${lotId}"`);
      seen.add(lotId);
    });
  }
}

/** Per lot id, the bid ids of that lot. */
function bidsPerLot(lots: unknown): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (!Array.isArray(lots)) return out;
  for (const lot of lots) {
    if (!isRecord(lot) || typeof lot['id'] !== 'string' || !isRecord(lot['dossier'])) continue;
    const bids = lot['dossier']['bids'];
    out.set(lot['id'], new Set(Array.isArray(bids) ? bids.flatMap((bid: unknown) => (isRecord(bid) && typeof bid['id'] === 'string' ? [bid['id']] : [])) : []));
  }
  return out;
}

/**
 * Recorded draws of lots: only under a limitation (without one a tied lot is decided by its
 * own award decision with its draw, as a tender on its own), at most one per lot, about a lot
 * of the procedure, for a bid of that lot, with a record of at least a sentence (as the single
 * tender's draw). Whether the lot is tied is the allocation's to say: it reports a draw that
 * decides nothing (`drawNotUsed`).
 */
export function checkDraws(draws: unknown, awardLimit: unknown, lots: unknown, report: Report): void {
  if (!Array.isArray(draws)) return;
  if (!isRecord(awardLimit) && draws.length > 0) {
    report(
      ['draws'],
      'een loting per perceel hoort alleen bij een gunningsbeperking (awardLimit); zonder beperking legt de gunningsbeslissing van het perceel de loting vast',
    );
    return;
  }
  const bids = bidsPerLot(lots);
  const seen = new Set<string>();
  draws.forEach((draw, i) => {
    if (!isRecord(draw)) return;
    const { lotId, winner, record } = draw;
    if (typeof lotId === 'string') {
      const lotBids = bids.get(lotId);
      if (seen.has(lotId)) report(['draws', i, 'lotId'], `voor perceel "${lotId}" staat al een loting`);
      else if (lotBids === undefined) report(['draws', i, 'lotId'], `geen perceel van deze procedure: "${lotId}"`);
      else if (typeof winner === 'string' && !lotBids.has(winner)) report(['draws', i, 'winner'], `geen inschrijving op perceel "${lotId}": "${winner}"`);
      seen.add(lotId);
    }
    if (typeof record === 'string' && !isSentence(record)) report(['draws', i, 'record'], `beschrijf de loting (wie, wanneer, hoe): ${SENTENCE_RULE_MESSAGE}`);
  });
}
