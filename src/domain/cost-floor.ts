/**
 * @module
 * The cost floor of an inburgering trajectory: what one learner costs at the least, from the
 * buyer's own assumptions (`low-bids.md`, "The cost floor"):
 *
 *     floor per learner = contactHours * teacherHourlyCost * (1 + overheadShare) / groupSize
 *                         + fixedCostPerLearner
 *
 * Kept as an exact rational in cents (money in cents, the overhead share in hundredths), so
 * that the `cost-floor` rule can decide "below the floor" by cross-multiplying integers and a
 * bid exactly at the floor is never flagged by a rounding error. The sentence printing the
 * computation goes into the flag, so that the bidder can answer each factor.
 */
import type { CostFloorParams } from './evaluation/dossier.js';
import { rational, type Rational } from './exact.js';
import { eurosToCents, formatDutchTrimmed, formatEuroCents, formatEuroRational, rationalCentsToEuros, toHundredths } from './money.js';

export type CostFloor = {
  /** Floor per learner in cents, exact. */
  perLearnerCents: Rational;
  /** The same in euros, as a double (for `reference` in a flag). */
  perLearnerEuros: number;
  /** `600 uur x EUR 55,00 x (1 + 0,35) / 12 inburgeraars + EUR 350,00 = EUR 4.062,50 per inburgeraar` */
  computation: string;
};

/**
 * @example
 * computeCostFloor({ contactHours: 600, teacherHourlyCost: 55, groupSize: 12, overheadShare: 0.35,
 *   fixedCostPerLearner: 350 }).perLearnerEuros // 4062.5
 */
export function computeCostFloor(params: CostFloorParams): CostFloor {
  const { contactHours, groupSize, overheadShare } = params;
  if (!Number.isInteger(contactHours) || contactHours < 0) {
    throw new RangeError(`contactHours must be a non-negative integer, got ${contactHours}`);
  }
  if (!Number.isInteger(groupSize) || groupSize < 1) {
    throw new RangeError(`groupSize must be a positive integer, got ${groupSize}`);
  }
  const hourlyCents = BigInt(eurosToCents(params.teacherHourlyCost));
  const overheadHundredths = BigInt(toHundredths(overheadShare));
  const fixedCents = BigInt(eurosToCents(params.fixedCostPerLearner ?? 0));
  // contactHours * hourly * (100 + overhead) / (100 * groupSize) + fixed, over one denominator.
  const denominator = 100n * BigInt(groupSize);
  const numerator = BigInt(contactHours) * hourlyCents * (100n + overheadHundredths) + fixedCents * denominator;
  const perLearnerCents = rational(numerator, denominator);

  const learners = groupSize === 1 ? '1 inburgeraar' : `${groupSize} inburgeraars`;
  const fixedPart = fixedCents === 0n ? '' : ` + ${formatEuroCents(Number(fixedCents))}`;
  const computation =
    `${contactHours} uur x ${formatEuroCents(Number(hourlyCents))}` +
    ` x (1 + ${formatDutchTrimmed(Number(overheadHundredths) / 100)}) / ${learners}${fixedPart}` +
    ` = ${formatEuroRational(perLearnerCents, 4)} per inburgeraar`;

  return { perLearnerCents, perLearnerEuros: rationalCentsToEuros(perLearnerCents), computation };
}
