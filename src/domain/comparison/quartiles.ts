/**
 * @module
 * Quartiles of prices per learner by the median of halves: Q1 is the median of the lower
 * half of the sorted prices, Q3 the median of the upper half; with an odd count the middle
 * price belongs to neither half (Moore and McCabe's rule, the one Dutch schools teach).
 *
 * Why this method and not linear interpolation (Hyndman and Fan type 7, the default of R,
 * NumPy and Excel's QUARTILE.INC): every quartile is then a bid's price or the midpoint of
 * two bids' prices, so a procurement officer, a bidder or a court can recompute it by hand
 * from the list of bids, and it stays an exact rational with the same small denominators as
 * the prices. Type 7 weighs neighbours by 1/4 and 3/4 depending on n, which is harder to
 * explain for the same purpose. The two differ only a little on the tens of bids a region has.
 *
 * Example: 1, 2, 3, 4, 5, 6, 7 gives Q1 = 2 (median of 1, 2, 3), median 4, Q3 = 6; type 7
 * would give 2.5 and 5.5. 1, 2, ..., 8 gives Q1 = 2.5, median 4.5, Q3 = 6.5.
 */
import type { Rational } from '../exact.js';
import { type PerLearnerPrice, medianOfSorted } from './price-per-learner.js';

export const QUARTILE_METHOD = 'median-of-halves' as const;

export type Quartiles = {
  q1: Rational;
  median: Rational;
  q3: Rational;
};

/**
 * Quartiles of prices sorted ascending (exact order, see `comparePerLearner`); at least two.
 * @example quartilesOfSorted(pricesPerLearner) // { q1, median, q3 } in cents per learner
 */
export function quartilesOfSorted(sorted: readonly PerLearnerPrice[]): Quartiles {
  const count = sorted.length;
  if (count < 2) throw new RangeError('quartiles need at least two prices');
  const half = Math.floor(count / 2);
  return {
    q1: medianOfSorted(sorted, 0, half),
    median: medianOfSorted(sorted, 0, count),
    q3: medianOfSorted(sorted, count - half, count),
  };
}
