import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Award, type AwardMethod, RELATIVE_METHODS } from '../../../src/domain/evaluation/dossier.js';
import { evaluateDossier } from '../../../src/domain/evaluation/evaluate.js';
import { buildLot, type SimpleBid } from './build-lot.js';

const METHODS_WITH_PRICE: AwardMethod[] = ['lowest-relative', 'min-max-bids', 'min-max-set', 'gunnen-op-waarde', 'quality-price-ratio', 'utility-index'];
const ABSOLUTE_METHODS: AwardMethod[] = ['min-max-set', 'gunnen-op-waarde', 'quality-price-ratio', 'fixed-price'];

function awardFor(method: AwardMethod, priceWeight: number): Award {
  switch (method) {
    case 'min-max-set':
      return { method, priceWeight, priceFloor: 400, priceCeiling: 1200 };
    case 'fixed-price':
      return { method, fixedPrice: 1000 };
    case 'gunnen-op-waarde':
    case 'quality-price-ratio':
      return { method };
    default:
      return { method, priceWeight };
  }
}

const bidArb = fc.record({
  quality: fc.integer({ min: 0, max: 100 }),
  // Prices in cents between €\u00a0400 and €\u00a01200, so min-max-set's ceiling never excludes.
  cents: fc.integer({ min: 40000, max: 120000 }),
});
const bidsArb = fc
  .array(bidArb, { minLength: 1, maxLength: 7 })
  .map((list) => list.map((b, i): SimpleBid => ({ id: `B${i + 1}`, quality: b.quality, price: b.cents / 100 })));

function lot(method: AwardMethod, bids: SimpleBid[], priceWeight = 30) {
  const plain = method === 'fixed-price' ? bids.map(({ price: _, ...rest }) => rest) : bids;
  return buildLot({ award: awardFor(method, priceWeight), qualityWeight: 70, value: 300, bids: plain });
}

describe('properties of the evaluation', () => {
  it('does not change any result when the bids are permuted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...METHODS_WITH_PRICE, 'fixed-price' as const), bidsArb, fc.infiniteStream(fc.nat()), (method, bids, seeds) => {
        const shuffled = [...bids];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seeds.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as SimpleBid, shuffled[i] as SimpleBid];
        }
        expect(evaluateDossier(lot(method, shuffled))).toEqual(evaluateDossier(lot(method, bids)));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps quality points within [0, W_Q] and price points within [0, W_P]', () => {
    fc.assert(
      fc.property(fc.constantFrom<AwardMethod>('lowest-relative', 'min-max-bids', 'min-max-set'), bidsArb, (method, bids) => {
        for (const bid of evaluateDossier(lot(method, bids)).bids) {
          expect(bid.qualityPoints).toBeGreaterThanOrEqual(0);
          expect(bid.qualityPoints).toBeLessThanOrEqual(70 + 1e-9);
          expect(bid.pricePoints).toBeGreaterThanOrEqual(0);
          expect(bid.pricePoints).toBeLessThanOrEqual(30 + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("never changes the other bids' scores under an absolute method when a bid is added", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ABSOLUTE_METHODS), bidsArb, bidArb, (method, bids, extra) => {
        const before = evaluateDossier(lot(method, bids));
        const after = evaluateDossier(lot(method, [...bids, { id: 'NEW', quality: extra.quality, price: extra.cents / 100 }]));
        for (const bid of before.bids) {
          const same = after.bids.find((b) => b.bidId === bid.bidId);
          expect(same?.score).toBe(bid.score);
          expect(same?.qualityPoints).toBe(bid.qualityPoints);
          expect(same?.pricePoints).toBe(bid.pricePoints);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('priceToWin makes the bid win, and a cent more does not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...METHODS_WITH_PRICE), bidsArb, (method, bids) => {
        const result = evaluateDossier(lot(method, bids));
        for (const [bidId, price] of Object.entries(result.sensitivity.priceToWin)) {
          if (price === null) continue;
          const reprice = (p: number) => bids.map((b) => (b.id === bidId ? { ...b, price: p } : b));
          expect(evaluateDossier(lot(method, reprice(price))).winner).toBe(bidId);
          const own = bids.find((b) => b.id === bidId)?.price ?? 0;
          const oneCentMore = Math.round(price * 100 + 1) / 100;
          if (oneCentMore <= own) expect(evaluateDossier(lot(method, reprice(oneCentMore))).winner).not.toBe(bidId);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the winner winning for price shares inside the range and not just outside it', () => {
    fc.assert(
      fc.property(fc.constantFrom<AwardMethod>('lowest-relative', 'min-max-bids', 'min-max-set'), bidsArb, (method, bids) => {
        const result = evaluateDossier(lot(method, bids));
        const range = result.sensitivity.priceShareRange;
        if (result.winner === null || range === null) return;
        const ranked = result.bids.filter((b) => b.status === 'ranked');
        const total = (bid: (typeof ranked)[number], s: number) => (1 - s) * (bid.qualityPoints / 70) + (s * (bid.pricePoints ?? 0)) / 30;
        const winner = ranked.find((b) => b.bidId === result.winner);
        if (!winner) throw new Error('winner not ranked');
        const mid = (range[0] + range[1]) / 2;
        for (const other of ranked) expect(total(winner, mid)).toBeGreaterThanOrEqual(total(other, mid) - 1e-9);
        for (const outside of [range[0] - 1e-6, range[1] + 1e-6]) {
          if (outside < 0 || outside > 1) continue;
          expect(ranked.some((other) => total(other, outside) > total(winner, outside))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('only warns rank-reversal for relative methods', () => {
    fc.assert(
      fc.property(fc.constantFrom(...METHODS_WITH_PRICE), bidsArb, (method, bids) => {
        const reversals = evaluateDossier(lot(method, bids)).warnings.filter((w) => w.code === 'rank-reversal');
        if (!RELATIVE_METHODS.includes(method)) expect(reversals).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
