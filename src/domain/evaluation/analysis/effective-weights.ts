/**
 * @module
 * Effective weights: what share of the actual spread in scores came from price and what
 * from quality. When bids are close in price but the formula stretches the difference
 * (min-max), price decides far more than its nominal weight says; the warning
 * `price-dominates` fires above 1.5 times the nominal price share.
 */
import type { Warning } from '../result.js';

const DOMINANCE_FACTOR = 1.5;

function spread(values: ArrayLike<number>): number {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i] as number);
    max = Math.max(max, values[i] as number);
  }
  return values.length === 0 ? 0 : max - min;
}

export function computeEffectiveWeights(
  qualityPoints: ArrayLike<number>,
  pricePoints: ArrayLike<number>,
  nominalPriceShare: number,
): { effectiveWeights: { quality: number; price: number } | null; warning: Warning | null } {
  const quality = spread(qualityPoints);
  const price = spread(pricePoints);
  const total = quality + price;
  if (total === 0) return { effectiveWeights: null, warning: null };
  const effectiveWeights = { quality: quality / total, price: price / total };
  const warning: Warning | null =
    effectiveWeights.price > DOMINANCE_FACTOR * nominalPriceShare
      ? { code: 'price-dominates', effective: effectiveWeights.price, nominal: nominalPriceShare }
      : null;
  return { effectiveWeights, warning };
}
