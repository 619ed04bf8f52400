/**
 * @module
 * `lowest-relative`: the cheapest bid gets all price points, others in proportion
 * `W_P * P_min / P_i`. The most common Dutch formula; relative, so a new low bid lowers
 * everyone else's price points and can reverse the order of two others.
 */
import { type AwardMethodDefinition, minOf } from './method.js';

export const lowestRelative: AwardMethodDefinition = {
  id: 'lowest-relative',
  scoreKind: 'points',
  higherIsBetter: true,
  relative: true,
  hasPricePoints: true,
  score(params, input, prices, scores, pricePoints) {
    const min = minOf(prices);
    for (let i = 0; i < scores.length; i++) {
      const points = (params.priceWeight * min) / (prices[i] as number);
      pricePoints[i] = points;
      scores[i] = (input.qualityPoints[i] as number) + points;
    }
  },
};
