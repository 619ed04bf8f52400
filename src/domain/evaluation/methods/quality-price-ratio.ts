/**
 * @module
 * `quality-price-ratio`: quality points per euro, `Q_i / P_i`. Absolute; note that it rewards
 * a cheap, mediocre bid strongly, which the formula check warns about.
 */
import type { AwardMethodDefinition } from './method.js';

export const qualityPriceRatio: AwardMethodDefinition = {
  id: 'quality-price-ratio',
  scoreKind: 'ratio',
  higherIsBetter: true,
  relative: false,
  hasPricePoints: false,
  score(_params, input, prices, scores) {
    for (let i = 0; i < scores.length; i++) {
      scores[i] = (input.qualityPoints[i] as number) / ((prices[i] as number) / 100);
    }
  },
};
