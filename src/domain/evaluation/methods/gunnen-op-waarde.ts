/**
 * @module
 * `gunnen-op-waarde` (award on value, fictive discount): each criterion is worth a euro
 * amount at its maximum score; the bid's quality is subtracted from its price and the lowest
 * fictive price wins: `P_i - sum_c value_c * s_ic / m_c`. Absolute, and it tells bidders in
 * euros what quality is worth, which is why Dutch guidance favours it against underbidding.
 */
import type { AwardMethodDefinition } from './method.js';

export const gunnenOpWaarde: AwardMethodDefinition = {
  id: 'gunnen-op-waarde',
  scoreKind: 'fictive-price',
  higherIsBetter: false,
  relative: false,
  hasPricePoints: false,
  score(_params, input, prices, scores) {
    for (let i = 0; i < scores.length; i++) {
      scores[i] = (prices[i] as number) / 100 - (input.fictiveDiscounts[i] as number);
    }
  },
};
