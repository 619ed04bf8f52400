import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateDossier } from '../../../src/domain/evaluation/evaluate.js';
import type { Allocation } from '../../../src/domain/procedure/allocation.js';
import { allocateByPreference } from '../../../src/domain/procedure/bidder-preference.js';
import { evaluateProcedure } from '../../../src/domain/procedure/evaluate-procedure.js';
import { allocateInLotOrder } from '../../../src/domain/procedure/lot-order.js';
import { lotStanding, type LotStanding } from '../../../src/domain/procedure/lot-standing.js';
import { parseProcedure } from '../../../src/domain/procedure/procedure.schema.js';
import type { AwardLimit, Procedure } from '../../../src/domain/procedure/procedure.js';
import { buildProcedure, kvkOf, type SimpleLot } from './build-procedure.js';

const SCHOOLS = ['A', 'B', 'C', 'D', 'E'];

/**
 * Up to five lots and five schools; qualities 0..4, so ties are common and quality 0 is a
 * knock-out; a maximum of 1 to 4; either rule, with a random published order or random
 * (partial) preferences.
 */
const world = fc
  .record({
    lotCount: fc.integer({ min: 1, max: 5 }),
    // Per lot, per school: no bid (-1) or the quality of its bid.
    qualities: fc.array(fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 5, maxLength: 5 }), { minLength: 5, maxLength: 5 }),
    max: fc.integer({ min: 1, max: 4 }),
    rule: fc.constantFrom('lot-order', 'bidder-preference'),
    orderKeys: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
    preferenceKeys: fc.array(fc.option(fc.array(fc.nat(), { minLength: 5, maxLength: 5 })), { minLength: 5, maxLength: 5 }),
  })
  .map(({ lotCount, qualities, max, rule, orderKeys, preferenceKeys }) => {
    const ids = Array.from({ length: lotCount }, (_, i) => `L${i + 1}`);
    const lots: SimpleLot[] = ids.map((id, l) => ({
      id,
      bids: SCHOOLS.flatMap((school, s) => {
        const quality = qualities[l]![s]!;
        return quality < 0 ? [] : [{ id: `${school}${l + 1}`, school, quality }];
      }),
    }));
    const byKey = (keys: number[]) => (a: number, b: number) => keys[a]! - keys[b]! || a - b;
    const lotOrder = ids
      .map((_, i) => i)
      .sort(byKey(orderKeys))
      .map((i) => ids[i]!);
    const preferences: Record<string, string[]> = {};
    SCHOOLS.forEach((school, s) => {
      const keys = preferenceKeys[s];
      if (keys === null || keys === undefined) return;
      const own = lots.flatMap((lot, l) => (lot.bids.some((bid) => bid.school === school) && keys[l]! % 3 !== 0 ? [l] : []));
      if (own.length > 0) preferences[school] = own.sort(byKey(keys)).map((l) => ids[l]!);
    });
    const awardLimit: AwardLimit = rule === 'lot-order' ? { maxLotsPerBidder: max, rule, lotOrder } : { maxLotsPerBidder: max, rule: 'bidder-preference' };
    return { lots, awardLimit, preferences: rule === 'bidder-preference' ? preferences : undefined };
  });

type World = { lots: SimpleLot[]; awardLimit: AwardLimit; preferences: Record<string, string[]> | undefined };

function procedureOf(w: World, limited = true): Procedure {
  return buildProcedure({
    lots: w.lots,
    ...(limited ? { awardLimit: w.awardLimit } : {}),
    ...(limited && w.preferences ? { preferences: w.preferences } : {}),
  });
}

function standingsOf(procedure: Procedure): LotStanding[] {
  return procedure.lots.map((lot) => lotStanding(lot.id, lot.dossier, evaluateDossier(lot.dossier)));
}

function outcomesOf(procedure: Procedure): Allocation {
  const standings = standingsOf(procedure);
  const limit = procedure.awardLimit!;
  return limit.rule === 'lot-order'
    ? allocateInLotOrder(standings, limit.maxLotsPerBidder, limit.lotOrder!)
    : allocateByPreference(standings, limit.maxLotsPerBidder, procedure.preferences ?? {});
}

/** Per KvK number, the lots counted for it: won, or awaiting a draw it takes part in. */
function countedLots(allocation: Allocation): Map<string, number> {
  const counts = new Map<string, number>();
  for (const outcome of allocation.values()) {
    const holders = outcome.kind === 'awarded' ? [outcome.bid] : outcome.kind === 'tie' ? outcome.bids : [];
    for (const bid of holders) counts.set(bid.kvk, (counts.get(bid.kvk) ?? 0) + 1);
  }
  return counts;
}

/** The same JSON with every object's keys in reverse order and every lot's bids reversed. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value)
    .reverse()
    .map(([key, v]) => [key, reordered(v)] as const);
  const out = Object.fromEntries(entries);
  if (Array.isArray(out['bids'])) out['bids'] = [...out['bids']].reverse();
  return out;
}

function evaluateJson(json: unknown): string {
  const parsed = parseProcedure(json);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return JSON.stringify(evaluateProcedure(parsed.procedure));
}

describe('allocation properties (fast-check)', () => {
  it('every generated procedure is a valid file', () => {
    fc.assert(fc.property(world, (w) => parseProcedure(JSON.parse(JSON.stringify(procedureOf(w)))).ok));
  });

  it('no school ends above the maximum, counting the lots that await a draw it takes part in', () => {
    fc.assert(
      fc.property(world, (w) => {
        for (const count of countedLots(outcomesOf(procedureOf(w))).values()) expect(count).toBeLessThanOrEqual(w.awardLimit.maxLotsPerBidder);
      }),
      { numRuns: 300 },
    );
  });

  it('a lot is only left unawarded when no eligible bid remains (or a draw must decide), and a better bid is only passed over for a school at its maximum', () => {
    fc.assert(
      fc.property(world, (w) => {
        const procedure = procedureOf(w);
        const allocation = outcomesOf(procedure);
        const counts = countedLots(allocation);
        const atMaximum = (kvk: string) => counts.get(kvk) === w.awardLimit.maxLotsPerBidder;
        for (const standing of standingsOf(procedure)) {
          const outcome = allocation.get(standing.lotId)!;
          const ranked = standing.groups.flat();
          if (outcome.kind === 'no-eligible-bid') {
            for (const bid of ranked) expect(atMaximum(bid.kvk), `${standing.lotId}: ${bid.bidId} was eligible`).toBe(true);
          } else {
            const best = outcome.kind === 'awarded' ? outcome.bid.rank : outcome.bids[0]!.rank;
            for (const bid of ranked.filter((b) => b.rank < best)) expect(atMaximum(bid.kvk), `${standing.lotId}: ${bid.bidId} passed over`).toBe(true);
            if (outcome.kind === 'tie') {
              expect(outcome.bids.length).toBeGreaterThanOrEqual(2);
              expect(new Set(outcome.bids.map((b) => b.rank))).toEqual(new Set([best]));
            }
          }
          // Passed over means a better rank, with the reason the rule gives.
          for (const passed of outcome.passedOver) expect(ranked.map((b) => b.bidId)).toContain(passed.bid.bidId);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('without a limitation, and with a maximum of at least the number of lots, each lot goes to its own winner', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 0, max: 3 }), (w, extra) => {
        const own = evaluateProcedure(procedureOf(w, false));
        for (const [i, entry] of own.allocation.entries()) {
          expect(entry.winner).toBe(own.lots[i]!.result.winner);
          expect(entry.winnerWithoutLimit).toBe(own.lots[i]!.result.winner);
        }
        const generous = { ...w, awardLimit: { ...w.awardLimit, maxLotsPerBidder: w.lots.length + extra } };
        const limited = evaluateProcedure(procedureOf(generous));
        expect(limited.allocation.map((a) => a.winner)).toEqual(own.allocation.map((a) => a.winner));
      }),
      { numRuns: 200 },
    );
  });

  it('the output does not depend on the order of keys or of bids in the file', () => {
    fc.assert(
      fc.property(world, (w) => {
        const json = JSON.parse(JSON.stringify(procedureOf(w)));
        expect(evaluateJson(reordered(json))).toBe(evaluateJson(json));
      }),
      { numRuns: 150 },
    );
  });

  it('the allocation does not depend on which school has the lower KvK number (the order the loop takes schools in)', () => {
    fc.assert(
      fc.property(world, fc.shuffledSubarray(SCHOOLS, { minLength: 5, maxLength: 5 }), (w, permuted) => {
        const original = JSON.stringify(procedureOf(w));
        // Give school SCHOOLS[i] the KvK number of school permuted[i]: names and bid ids stay.
        const relabelled = SCHOOLS.reduce((text, school, i) => text.replaceAll(`"${kvkOf(school)}"`, `"@${i}@"`), original).replace(
          /"@(\d)@"/g,
          (_, i: string) => `"${kvkOf(permuted[Number(i)]!)}"`,
        );
        const winnersOf = (text: string) => JSON.parse(evaluateJson(JSON.parse(text))).allocation.map((a: { winner: string | null }) => a.winner);
        expect(winnersOf(relabelled)).toEqual(winnersOf(original));
      }),
      { numRuns: 200 },
    );
  });
});
