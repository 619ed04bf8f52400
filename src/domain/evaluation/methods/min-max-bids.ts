/**
 * @module
 * `min-max-bids`: linear interpolation between the lowest bid (all price points) and the
 * highest (none): `W_P * (P_max - P_i) / (P_max - P_min)`. Relative, and it magnifies small
 * price differences when the bids lie close together (see effective weights).
 */
import { type AwardMethodDefinition, maxOf, minOf } from './method.js';

export const minMaxBids: AwardMethodDefinition = {
  id: 'min-max-bids',
  scoreKind: 'points',
  higherIsBetter: true,
  relative: true,
  hasPricePoints: true,
  score(params, input, prices, scores, pricePoints) {
    const min = minOf(prices);
    const max = maxOf(prices);
    for (let i = 0; i < scores.length; i++) {
      // All prices equal: the spec gives everyone the full price weight.
      const points = max === min ? params.priceWeight : (params.priceWeight * (max - (prices[i] as number))) / (max - min);
      pricePoints[i] = points;
      scores[i] = (input.qualityPoints[i] as number) + points;
    }
  },
};
