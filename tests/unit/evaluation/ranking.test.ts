import { describe, expect, it } from 'vitest';
import { evaluateDossier } from '../../../src/domain/evaluation/evaluate.js';
import { buildLot } from './build-lot.js';

// A (Q 60, €\u00a0100) and B (Q 52, €\u00a080) both score 92 under lowest-relative with W_P = 40:
// 60 + 40 * 80 / 100 = 92 and 52 + 40 = 92.
const tiedOnScore = [
  { id: 'A', quality: 60, price: 100 },
  { id: 'B', quality: 52, price: 80 },
  { id: 'C', quality: 10, price: 200 },
];

describe('ties and competition ranking', () => {
  it('puts more quality points first under the quality tie-break', () => {
    const result = evaluateDossier(buildLot({ award: { method: 'lowest-relative', priceWeight: 40, tieBreak: ['quality', 'lot'] }, bids: tiedOnScore }));
    expect(result.bids.map((b) => b.score)).toEqual([92, 92, 26]);
    expect(result.bids.map((b) => [b.bidId, b.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
    ]);
    expect(result.winner).toBe('A');
    expect(result.warnings.filter((w) => w.code === 'tie-unresolved')).toEqual([]);
  });

  it('puts the lower price first under the price tie-break', () => {
    const result = evaluateDossier(buildLot({ award: { method: 'lowest-relative', priceWeight: 40, tieBreak: ['price'] }, bids: tiedOnScore }));
    expect(result.bids.map((b) => [b.bidId, b.rank])).toEqual([
      ['B', 1],
      ['A', 2],
      ['C', 3],
    ]);
    expect(result.winner).toBe('B');
  });

  it('falls through to the next tie-break when the first one ties too', () => {
    const result = evaluateDossier(
      buildLot({
        award: { method: 'fixed-price', fixedPrice: 500, tieBreak: ['price', 'quality', 'lot'] },
        bids: [
          { id: 'A', quality: 70 },
          { id: 'B', quality: 70 },
          { id: 'C', quality: 90 },
        ],
      }),
    );
    expect(result.bids.map((b) => [b.bidId, b.rank])).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 2],
    ]);
    expect(result.warnings).toEqual([{ code: 'tie-unresolved', rank: 2, bids: ['A', 'B'] }]);
    expect(result.winner).toBe('C');
  });

  it('shares rank 1 with no winner when only lots could decide (1, 1, 3)', () => {
    const result = evaluateDossier(
      buildLot({
        award: { method: 'lowest-relative', priceWeight: 40, tieBreak: ['quality', 'lot'] },
        bids: [
          { id: 'C', quality: 60, price: 100 },
          { id: 'B', quality: 10, price: 300 },
          { id: 'A', quality: 60, price: 100 },
        ],
      }),
    );
    expect(result.bids.map((b) => [b.bidId, b.rank])).toEqual([
      ['A', 1],
      ['C', 1],
      ['B', 3],
    ]);
    expect(result.winner).toBeNull();
    expect(result.warnings).toEqual([{ code: 'tie-unresolved', rank: 1, bids: ['A', 'C'] }]);
    expect(result.sensitivity).toEqual({ priceShareRange: null, priceToWin: {} });
  });

  it('shares the rank when the tie-break list is empty', () => {
    const result = evaluateDossier(buildLot({ award: { method: 'lowest-relative', priceWeight: 40, tieBreak: [] }, bids: tiedOnScore }));
    expect(result.bids.map((b) => [b.bidId, b.rank])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 3],
    ]);
    expect(result.winner).toBeNull();
  });

  it('treats scores within 1e-9 relative as tied', () => {
    // 0.1 + 0.2 and 0.3 differ in floating point but must tie.
    const result = evaluateDossier(
      buildLot({
        award: { method: 'quality-price-ratio', tieBreak: ['lot'] },
        qualityWeight: 3,
        bids: [
          { id: 'A', quality: 10, price: 1 },
          { id: 'B', quality: 20, price: 2 },
        ],
      }),
    );
    expect(result.bids.map((b) => b.rank)).toEqual([1, 1]);
  });

  it('lists excluded bids last, in bid id order, with every reason and their quality points', () => {
    const result = evaluateDossier(
      buildLot({
        award: { method: 'lowest-relative', priceWeight: 40, priceCeiling: 150 },
        minimum: 20,
        bids: [
          { id: 'Z', quality: 10, price: 200 },
          { id: 'B', quality: 50, price: 100 },
          {
            id: 'A',
            quality: 60,
            price: 90,
            extra: {
              lowBidReview: { state: 'rejected', decision: 'rejected', motivation: 'Geen toereikende verklaring voor de loonkosten.' },
            },
          },
        ],
      }),
    );
    expect(result.bids.map((b) => [b.bidId, b.status])).toEqual([
      ['B', 'ranked'],
      ['A', 'excluded'],
      ['Z', 'excluded'],
    ]);
    const z = result.bids[2];
    expect(z?.exclusionReasons).toEqual(['K1: score 10 ligt onder het minimum 20', 'prijs €\u00a0200,00 ligt boven de plafondprijs €\u00a0150,00']);
    expect(z?.qualityPoints).toBe(10);
    expect(z?.score).toBeNull();
    expect(result.bids[1]?.exclusionReasons).toEqual([
      'afgewezen als abnormaal lage inschrijving (art. 2.116 Aanbestedingswet): Geen toereikende verklaring voor de loonkosten.',
    ]);
    // An excluded bid never moves another's score: B is the only ranked bid and the cheapest.
    expect(result.bids[0]?.pricePoints).toBe(40);
  });
});
