import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLowerFence, isBelowFence, summarizeLowerFence } from '../../../src/domain/comparison/lower-fence.js';
import { comparePerLearner, perLearnerRational } from '../../../src/domain/comparison/price-per-learner.js';

/** Euros per learner with one learner each. */
function euros(...values: number[]) {
  return values.map((value) => ({ priceCents: Math.round(value * 100), learners: 1 }));
}

const EXAMPLE = euros(3000, 4800, 5000, 5100, 5200, 5300, 5400, 5600);

describe('the lower fence Q1 - 1.5 IQR', () => {
  it('is 4225 for 3000, 4800, 5000, 5100, 5200, 5300, 5400, 5600 euros per learner', () => {
    // Lower half 3000, 4800, 5000, 5100: Q1 = 4900; upper half 5200..5600: Q3 = 5350; IQR 450.
    const fence = computeLowerFence(EXAMPLE);
    expect(fence).not.toBeNull();
    expect(summarizeLowerFence(fence!)).toEqual({
      method: 'median-of-halves',
      count: 8,
      q1: 4900,
      median: 5150,
      q3: 5350,
      iqr: 450,
      lowerFence: 4225,
    });
    expect(fence!.fence).toEqual({ n: 422_500n, d: 1n });
  });

  it('puts a price just below the fence below it, and one exactly at it or just above not', () => {
    const fence = computeLowerFence(EXAMPLE)!;
    // 80 learners: €\u00a0338.000,00 is exactly 4225 per learner; one cent less is below.
    expect(isBelowFence({ priceCents: 33_799_999, learners: 80 }, fence)).toBe(true);
    expect(isBelowFence({ priceCents: 33_800_000, learners: 80 }, fence)).toBe(false);
    expect(isBelowFence({ priceCents: 33_800_001, learners: 80 }, fence)).toBe(false);
    expect(isBelowFence({ priceCents: 300_000, learners: 1 }, fence)).toBe(true);
  });

  it('can be negative, and then no price lies below it', () => {
    // Q1 = 100, Q3 = 550: fence 100 - 675 = -575 cents.
    const fence = computeLowerFence([
      { priceCents: 100, learners: 1 },
      { priceCents: 100, learners: 1 },
      { priceCents: 100, learners: 1 },
      { priceCents: 1000, learners: 1 },
    ])!;
    expect(fence.fence).toEqual({ n: -575n, d: 1n });
    expect(summarizeLowerFence(fence).lowerFence).toBe(-5.75);
    expect(isBelowFence({ priceCents: 1, learners: 1000 }, fence)).toBe(false);
  });

  it('needs four prices by default, and as many as asked', () => {
    expect(computeLowerFence(euros(1, 2, 3))).toBeNull();
    expect(computeLowerFence(euros(1, 2, 3, 4))).not.toBeNull();
    expect(computeLowerFence(euros(1, 2, 3, 4), 5)).toBeNull();
  });

  it('decides exactly for any price, also where doubles cannot tell it from the fence', () => {
    // Learners up to 10^6 make prices per learner that differ from the fence in the 12th digit.
    const price = fc.record({ priceCents: fc.integer({ min: 1, max: 10_000_000 }), learners: fc.integer({ min: 1, max: 1_000_000 }) });
    fc.assert(
      fc.property(fc.array(price, { minLength: 4, maxLength: 12 }), price, (prices, candidate) => {
        const sorted = [...prices].sort(comparePerLearner);
        const fence = computeLowerFence(sorted)!;
        const value = perLearnerRational(candidate);
        const exact = value.n * fence.fence.d < fence.fence.n * value.d;
        // A candidate rebuilt to sit exactly on the fence must not be below it.
        const scaled = fence.fence.n > 0n ? { priceCents: Number(fence.fence.n), learners: Number(fence.fence.d) } : null;
        if (scaled !== null && Number.isSafeInteger(scaled.priceCents) && Number.isSafeInteger(scaled.learners)) {
          expect(isBelowFence(scaled, fence)).toBe(false);
          // One cent less on a price scaled up to about 10^14 cents: 1e-14 below, inside the doubles' margin.
          const k = Math.max(1, Math.floor(1e14 / scaled.priceCents));
          const justBelow = { priceCents: scaled.priceCents * k - 1, learners: scaled.learners * k };
          if (Number.isSafeInteger(justBelow.learners) && justBelow.priceCents > 0) {
            expect(isBelowFence(justBelow, fence)).toBe(true);
          }
        }
        expect(isBelowFence(candidate, fence)).toBe(exact);
      }),
      { numRuns: 500 },
    );
  });
});
