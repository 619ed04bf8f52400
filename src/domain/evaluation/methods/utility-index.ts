/**
 * @module
 * `utility-index`: the published formula `(1 - (q_best - q_i) * W_Q / W_P) / P_i * P_min`,
 * not clamped. Relative on both quality and price. When the numerator is zero or negative
 * the formula ranks a bid worse the cheaper it is; the evaluation warns (`utility-nonpositive`).
 */
import { type AwardMethodDefinition, maxOf, minOf } from './method.js';

export const utilityIndex: AwardMethodDefinition = {
  id: 'utility-index',
  scoreKind: 'utility',
  higherIsBetter: true,
  relative: true,
  hasPricePoints: false,
  score(params, input, prices, scores) {
    const min = minOf(prices);
    const best = maxOf(input.qualityFractions);
    for (let i = 0; i < scores.length; i++) {
      const numerator = utilityNumerator(params.qualityWeight, params.priceWeight, best, input.qualityFractions[i] as number);
      scores[i] = (numerator / (prices[i] as number)) * min;
    }
  },
};

export function utilityNumerator(qualityWeight: number, priceWeight: number, bestFraction: number, fraction: number): number {
  return 1 - ((bestFraction - fraction) * qualityWeight) / priceWeight;
}
