/**
 * @module
 * The price-share range: for which price shares `s = W_P / (W_P + W_Q)` the winner would
 * still have won, with `T_i(s) = (1 - s) * q_i + s * pricePoints_i / W_P`. Each rival gives a
 * linear inequality in s, so the set is an exact interval (intersections of lines, not
 * sampled). A narrow interval around the chosen weight means the weighting decided the award.
 */
import { scoresTie } from '../../ties.js';

export type ShareInput = {
  qualityFractions: ArrayLike<number>;
  /** pricePoints_i / W_P, in [0, 1]. */
  priceFractions: ArrayLike<number>;
};

export function computePriceShareRange(input: ShareInput, winner: number): [number, number] | null {
  const qw = input.qualityFractions[winner] as number;
  const pw = input.priceFractions[winner] as number;
  let lo = 0;
  let hi = 1;
  for (let j = 0; j < input.qualityFractions.length; j++) {
    if (j === winner) continue;
    // f(s) = d0 + s * (d1 - d0) >= 0, the winner's lead over j at share s.
    const d0 = qw - (input.qualityFractions[j] as number);
    const d1 = pw - (input.priceFractions[j] as number);
    const slope = d1 - d0;
    if (scoresTie(d0, d1)) {
      if (d0 < 0 && !scoresTie(d0, 0)) return null;
      continue;
    }
    const root = -d0 / slope;
    if (slope > 0) lo = Math.max(lo, root);
    else hi = Math.min(hi, root);
  }
  if (lo > hi) return scoresTie(lo, hi) ? [hi, hi] : null;
  return [lo, hi];
}
