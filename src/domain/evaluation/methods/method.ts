/**
 * @module
 * What every award method provides. A method scores a field held in typed arrays and writes
 * into buffers the caller owns: the analysis re-scores the field about a thousand times per
 * evaluation (price to win bisects over cents for every bid), so scoring must not allocate.
 * Quality is prepared once; only prices move.
 */
import type { AwardMethod } from '../dossier.js';
import type { AwardParams } from '../prepare.js';
import type { ScoreKind } from '../result.js';

export type ScoringInput = {
  /** `Q_i`. */
  readonly qualityPoints: Float64Array;
  /** `q_i = Q_i / W_Q`. */
  readonly qualityFractions: Float64Array;
  /** `gunnen-op-waarde`'s `sum_c value_c * s_ic / m_c` in euros. */
  readonly fictiveDiscounts: Float64Array;
};

export type AwardMethodDefinition = {
  id: AwardMethod;
  scoreKind: ScoreKind;
  higherIsBetter: boolean;
  /** A bid's score depends on other bids' prices: rank reversal is possible. */
  relative: boolean;
  /** Gives `pricePoints` (the points methods with a price). */
  hasPricePoints: boolean;
  /**
   * Writes each candidate's score into `scores` and, where the method has them, its price
   * points into `pricePoints`; `pricesCents[i]` is candidate i's price.
   */
  score(params: AwardParams, input: ScoringInput, pricesCents: ArrayLike<number>, scores: Float64Array, pricePoints: Float64Array): void;
};

export function minOf(values: ArrayLike<number>): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) < min) min = values[i] as number;
  return min;
}

export function maxOf(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > max) max = values[i] as number;
  return max;
}
