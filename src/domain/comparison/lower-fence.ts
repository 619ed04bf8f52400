/**
 * @module
 * The lower fence of a route's prices per learner: `Q1 - 1.5 * IQR` with `IQR = Q3 - Q1`
 * (Tukey's inner fence, quartiles by `quartiles.ts`), exactly: `(5 * Q1 - 3 * Q3) / 2`.
 * A price lies below the fence when it is strictly smaller; one exactly at the fence does not
 * (Tukey's outliers are the values beyond the fences).
 *
 * The fence is computed only from at least `MINIMUM_PRICES_FOR_FENCE` prices: with fewer the
 * halves hold one price each and the "quartiles" are single bids.
 *
 * Example: 3000, 4800, 5000, 5100, 5200, 5300, 5400, 5600 euros per learner: Q1 = 4900,
 * Q3 = 5350, IQR = 450, fence 4900 - 675 = 4225: 3000 lies below it.
 */
import type { Rational } from '../exact.js';
import { type Quartiles, quartilesOfSorted } from './quartiles.js';
import { type PerLearnerPrice, compareRationals, perLearnerRational, rationalToEuros, reduceRational } from './price-per-learner.js';

export const MINIMUM_PRICES_FOR_FENCE = 4;

/** Exact quartiles and fence in cents per learner, with doubles of the fence for the quick test. */
export type LowerFence = Quartiles & {
  count: number;
  fence: Rational;
  /** `fence` as cents per learner in a double. */
  fenceValue: number;
};

/** What a report shows: euros per learner. */
export type LowerFenceSummary = {
  method: 'median-of-halves';
  count: number;
  q1: number;
  median: number;
  q3: number;
  iqr: number;
  lowerFence: number;
};

/**
 * The fence of prices sorted ascending, or null with fewer than `minimumPrices`.
 * @example computeLowerFence(sortedPrices)?.fence
 */
export function computeLowerFence(sorted: readonly PerLearnerPrice[], minimumPrices = MINIMUM_PRICES_FOR_FENCE): LowerFence | null {
  if (sorted.length < Math.max(2, minimumPrices)) return null;
  const quartiles = quartilesOfSorted(sorted);
  const { q1, q3 } = quartiles;
  const fence = reduceRational(5n * q1.n * q3.d - 3n * q3.n * q1.d, 2n * q1.d * q3.d);
  return { ...quartiles, count: sorted.length, fence, fenceValue: Number(fence.n) / Number(fence.d) };
}

/**
 * True when `price` is strictly below the fence. Doubles decide when the two sides are clearly
 * apart (their errors are a few parts in 10^16); only a near-equality needs BigInt.
 */
export function isBelowFence(price: PerLearnerPrice, fence: LowerFence): boolean {
  const value = price.priceCents / price.learners;
  const margin = 1e-12 * Math.max(Math.abs(value), Math.abs(fence.fenceValue));
  if (value < fence.fenceValue - margin) return true;
  if (value > fence.fenceValue + margin) return false;
  return compareRationals(perLearnerRational(price), fence.fence) < 0;
}

/** True when an exact price per learner (e.g. a provider's median) is strictly below the fence. */
export function isRationalBelowFence(value: Rational, fence: LowerFence): boolean {
  return compareRationals(value, fence.fence) < 0;
}

/** @example summarizeLowerFence(fence) // { method: 'median-of-halves', q1: 4900, ..., lowerFence: 4225 } */
export function summarizeLowerFence(fence: LowerFence): LowerFenceSummary {
  const q1 = rationalToEuros(fence.q1);
  const q3 = rationalToEuros(fence.q3);
  const iqr = reduceRational(fence.q3.n * fence.q1.d - fence.q1.n * fence.q3.d, fence.q1.d * fence.q3.d);
  return {
    method: 'median-of-halves',
    count: fence.count,
    q1,
    median: rationalToEuros(fence.median),
    q3,
    iqr: rationalToEuros(iqr),
    lowerFence: rationalToEuros(fence.fence),
  };
}
