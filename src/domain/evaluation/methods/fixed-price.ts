/**
 * @module
 * `fixed-price`: the buyer sets the price and bidders compete on quality alone; the score is
 * `Q_i`. The strongest guard against a race to the bottom, when the budget is realistic.
 */
import type { AwardMethodDefinition } from './method.js';

export const fixedPrice: AwardMethodDefinition = {
  id: 'fixed-price',
  scoreKind: 'points',
  higherIsBetter: true,
  relative: false,
  hasPricePoints: false,
  score(_params, input, _prices, scores) {
    scores.set(input.qualityPoints);
  },
};
