/**
 * @module
 * `min-max-set`: like min-max, but between a floor and a ceiling the buyer publishes in
 * advance, so a bid's price points do not depend on the other bids (absolute, no rank
 * reversal): `W_P * clamp((ceiling - P_i) / (ceiling - floor), 0, 1)`.
 */
import type { AwardMethodDefinition } from './method.js';

export const minMaxSet: AwardMethodDefinition = {
  id: 'min-max-set',
  scoreKind: 'points',
  higherIsBetter: true,
  relative: false,
  hasPricePoints: true,
  score(params, input, prices, scores, pricePoints) {
    const ceiling = params.priceCeilingCents ?? 0;
    const floor = params.priceFloorCents ?? 0;
    for (let i = 0; i < scores.length; i++) {
      const share = (ceiling - (prices[i] as number)) / (ceiling - floor);
      const points = params.priceWeight * Math.min(1, Math.max(0, share));
      pricePoints[i] = points;
      scores[i] = (input.qualityPoints[i] as number) + points;
    }
  },
};
