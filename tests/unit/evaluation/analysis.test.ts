import { describe, expect, it } from 'vitest';
import { evaluateDossier } from '../../../src/domain/evaluation/evaluate.js';
import type { Award } from '../../../src/domain/evaluation/dossier.js';
import { buildLot, type SimpleBid } from './build-lot.js';

function evaluate(award: Award, bids: SimpleBid[], qualityWeight = 100) {
  return evaluateDossier(buildLot({ award, bids, qualityWeight }));
}

describe('rank reversal', () => {
  it('lowest-relative: a cheap losing bid C makes A win; without it B wins', () => {
    // With C: A 60 + 40*40/100 = 76, B 55 + 40*40/80 = 75. Without C: A 92, B 95.
    const result = evaluate({ method: 'lowest-relative', priceWeight: 40 }, [
      { id: 'A', quality: 60, price: 100 },
      { id: 'B', quality: 55, price: 80 },
      { id: 'C', quality: 10, price: 40 },
    ]);
    expect(result.winner).toBe('A');
    expect(result.warnings).toContainEqual({ code: 'rank-reversal', removedBid: 'C', winner: 'A', winnerWithout: 'B' });
    expect(result.warnings.filter((w) => w.code === 'rank-reversal')).toHaveLength(1);
  });

  it('min-max-bids: an expensive losing bid C stretches the scale so A wins; without it B wins', () => {
    // With C at 200: A 60 + 40*100/110, B 55 + 40. Without C: A 60, B 95.
    const result = evaluate({ method: 'min-max-bids', priceWeight: 40 }, [
      { id: 'A', quality: 60, price: 100 },
      { id: 'B', quality: 55, price: 90 },
      { id: 'C', quality: 0, price: 200 },
    ]);
    expect(result.winner).toBe('A');
    expect(result.warnings).toContainEqual({ code: 'rank-reversal', removedBid: 'C', winner: 'A', winnerWithout: 'B' });
  });

  it('utility-index: a high-quality losing bid C moves q_best so A wins; without it B wins', () => {
    // With C (q 1.0): A 0.6 * 85/100 = 0.51, B 0.5. Without C (q_best 0.6): A 0.85, B 0.9.
    const result = evaluate({ method: 'utility-index', priceWeight: 100 }, [
      { id: 'A', quality: 60, price: 100 },
      { id: 'B', quality: 50, price: 85 },
      { id: 'C', quality: 100, price: 300 },
    ]);
    expect(result.winner).toBe('A');
    expect(result.warnings).toContainEqual({ code: 'rank-reversal', removedBid: 'C', winner: 'A', winnerWithout: 'B' });
  });

  it('is not checked for absolute methods', () => {
    const result = evaluate({ method: 'min-max-set', priceWeight: 40, priceFloor: 50, priceCeiling: 200 }, [
      { id: 'A', quality: 60, price: 100 },
      { id: 'B', quality: 55, price: 90 },
      { id: 'C', quality: 0, price: 200 },
    ]);
    expect(result.warnings.filter((w) => w.code === 'rank-reversal')).toEqual([]);
  });
});

describe('sensitivity', () => {
  const bids = [
    { id: 'A', quality: 80, price: 1000 },
    { id: 'B', quality: 60, price: 800 },
  ];

  it('gives the exact price-share interval in which the winner keeps winning', () => {
    // q_A = 0.8, q_B = 0.6; price fractions a_A = 0.8, a_B = 1 under lowest-relative.
    // A wins while (1-s)*0.2 + s*(-0.2) >= 0, i.e. s <= 0.5.
    const result = evaluate({ method: 'lowest-relative', priceWeight: 30 }, bids, 70);
    expect(result.winner).toBe('A');
    const [lo, hi] = result.sensitivity.priceShareRange ?? [NaN, NaN];
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.5, 12);
  });

  it('finds the highest whole-cent price at which a loser would have won, and a cent more does not', () => {
    const result = evaluate({ method: 'lowest-relative', priceWeight: 30 }, bids, 70);
    const price = result.sensitivity.priceToWin.B;
    // B wins when 42 + 30 > 56 + 30 * p / 1000, i.e. p < 533.33; at 533.33 B scores 72.00003.
    expect(price).toBe(533.33);
    const at = evaluate({ method: 'lowest-relative', priceWeight: 30 }, [bids[0] as SimpleBid, { id: 'B', quality: 60, price: 533.33 }], 70);
    expect(at.winner).toBe('B');
    const above = evaluate({ method: 'lowest-relative', priceWeight: 30 }, [bids[0] as SimpleBid, { id: 'B', quality: 60, price: 533.34 }], 70);
    expect(above.winner).toBe('A');
  });

  it('answers null when no price can make the bid win', () => {
    const result = evaluate({ method: 'min-max-set', priceWeight: 10, priceFloor: 500, priceCeiling: 1000 }, bids, 90);
    expect(result.winner).toBe('A');
    expect(result.sensitivity.priceToWin).toEqual({ B: null });
  });

  it('warns price-dominates when the effective price share exceeds 1.5 times the nominal', () => {
    // min-max-bids stretches a 1% price difference into the full 30 points.
    const result = evaluate(
      { method: 'min-max-bids', priceWeight: 30 },
      [
        { id: 'A', quality: 80, price: 1000 },
        { id: 'B', quality: 75, price: 990 },
      ],
      70,
    );
    // quality spread 3.5, price spread 30
    expect(result.effectiveWeights).toEqual({ quality: 3.5 / 33.5, price: 30 / 33.5 });
    expect(result.warnings).toContainEqual({ code: 'price-dominates', effective: 30 / 33.5, nominal: 0.3 });
  });

  it('gives null effective weights when neither quality nor price spreads', () => {
    const result = evaluate({ method: 'lowest-relative', priceWeight: 30 }, [{ id: 'A', quality: 80, price: 1000 }], 70);
    expect(result.effectiveWeights).toBeNull();
    expect(result.sensitivity.priceShareRange).toEqual([0, 1]);
    expect(result.sensitivity.priceToWin).toEqual({});
  });
});
