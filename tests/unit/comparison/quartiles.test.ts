import { describe, expect, it } from 'vitest';
import { quartilesOfSorted } from '../../../src/domain/comparison/quartiles.js';
import { type PerLearnerPrice, comparePerLearner, medianOfSorted, perLearnerEuros, rationalToEuros } from '../../../src/domain/comparison/price-per-learner.js';

/** Whole cents per learner, one learner each. */
function cents(...values: number[]): PerLearnerPrice[] {
  return values.map((priceCents) => ({ priceCents, learners: 1 }));
}

describe('quartiles by the median of halves', () => {
  it('leaves the middle value out of both halves for an odd count: 1..7 gives 2, 4, 6', () => {
    // Halves 1, 2, 3 and 5, 6, 7; linear interpolation (type 7) would give 2.5 and 5.5.
    const q = quartilesOfSorted(cents(1, 2, 3, 4, 5, 6, 7));
    expect(q).toEqual({ q1: { n: 2n, d: 1n }, median: { n: 4n, d: 1n }, q3: { n: 6n, d: 1n } });
  });

  it('takes the midpoints for an even count: 1..8 gives 2.5, 4.5, 6.5', () => {
    const q = quartilesOfSorted(cents(1, 2, 3, 4, 5, 6, 7, 8));
    expect(q).toEqual({ q1: { n: 5n, d: 2n }, median: { n: 9n, d: 2n }, q3: { n: 13n, d: 2n } });
  });

  it('gives 1.5, 3 and 52 for 1, 2, 3, 4, 100', () => {
    const q = quartilesOfSorted(cents(1, 2, 3, 4, 100));
    expect(q).toEqual({ q1: { n: 3n, d: 2n }, median: { n: 3n, d: 1n }, q3: { n: 52n, d: 1n } });
  });

  it('uses the single values of the halves for two prices', () => {
    expect(quartilesOfSorted(cents(10, 20))).toEqual({ q1: { n: 10n, d: 1n }, median: { n: 15n, d: 1n }, q3: { n: 20n, d: 1n } });
  });

  it('stays exact on prices per learner that are not whole cents: 1/3, 2/3, 1, 4/3', () => {
    const sorted = [
      { priceCents: 1, learners: 3 },
      { priceCents: 2, learners: 3 },
      { priceCents: 1, learners: 1 },
      { priceCents: 4, learners: 3 },
    ];
    const q = quartilesOfSorted(sorted);
    expect(q.q1).toEqual({ n: 1n, d: 2n });
    expect(q.median).toEqual({ n: 5n, d: 6n });
    expect(q.q3).toEqual({ n: 7n, d: 6n });
  });

  it('refuses fewer than two prices', () => {
    expect(() => quartilesOfSorted(cents(5))).toThrow(RangeError);
  });
});

describe('prices per learner', () => {
  it('orders exactly where the products pass 2^53', () => {
    const a = { priceCents: 9_007_199_254_740_000, learners: 3 };
    const b = { priceCents: 9_007_199_254_740_001, learners: 3 };
    expect(comparePerLearner(a, b)).toBe(-1);
    expect(comparePerLearner(b, a)).toBe(1);
    expect(comparePerLearner({ priceCents: 100, learners: 3 }, { priceCents: 200, learners: 6 })).toBe(0);
  });

  it('converts to euros with one division: €\u00a0540.201,01 for 100 learners is 5402.0101', () => {
    expect(perLearnerEuros({ priceCents: 54_020_101, learners: 100 })).toBe(5402.0101);
  });

  it('takes the exact mean of the two middle prices as the median', () => {
    const median = medianOfSorted([
      { priceCents: 28_900_000, learners: 80 },
      { priceCents: 45_200_000, learners: 80 },
    ]);
    expect(median).toEqual({ n: 463_125n, d: 1n });
    expect(rationalToEuros(median)).toBe(4631.25);
  });
});
