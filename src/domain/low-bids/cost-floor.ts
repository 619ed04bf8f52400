/**
 * @module
 * `cost-floor`: flags bid i when its price per learner is below the cost floor,
 * `P_i / expectedLearners < floor per learner` (strictly: a bid exactly at the floor covers
 * it). Applies when `costFloor` and `expectedLearners` are given. No threshold.
 *
 * Method: the floor comes from `computeCostFloor` (../cost-floor.ts) as an exact rational
 * `n / d` in cents; the bid is flagged when `P_i * d < expectedLearners * n` on BigInt, i.e.
 * `P_i * groupSize * 100 < expectedLearners * (...)` in cents and hundredths. `value` is the
 * shortfall per learner and `reference` the floor per learner, both in euros.
 *
 * Origin: this product's model for inburgering (`low-bids.md`, "The cost floor"): the buyer
 * states what a trajectory needs at the least (contact hours, teacher cost, group size,
 * overhead, fixed costs per learner), so that "too cheap" is measured against the work itself
 * rather than against the other bids, which may all be too low in a race to the bottom.
 *
 * Why it is a red flag: a price that does not pay the teaching hours the tender asks for can
 * only be met by larger groups, fewer hours or underpaid teachers, which the learners pay
 * for. The flag prints the computation so that the bidder can say which assumption is wrong.
 *
 * Example: 600 uur x EUR 55,00 x (1 + 0,35) / 12 inburgeraars + EUR 350,00 = EUR 4.062,50 per
 * inburgeraar; with 100 learners EUR 406.250,00 is exactly at the floor and not flagged,
 * EUR 406.249,99 is flagged with a shortfall of EUR 0,0001 per learner.
 */
import { computeCostFloor } from '../cost-floor.js';
import { rational } from '../exact.js';
import { formatEuroCents, formatEuroRational, rationalCentsToEuros } from '../money.js';
import type { LowBidFlag, LowBidRule } from './flag.js';
import { addFlag } from './percentage.js';

export const costFloorRule: LowBidRule = {
  id: 'cost-floor',
  defaultThreshold: null,
  apply(context) {
    const flags = new Map<string, LowBidFlag[]>();
    const { costFloor: params, expectedLearners } = context;
    if (params === undefined || expectedLearners === undefined) return flags;
    if (!Number.isInteger(expectedLearners) || expectedLearners < 1) {
      throw new RangeError(`expectedLearners must be a positive integer, got ${expectedLearners}`);
    }
    const floor = computeCostFloor(params);
    const { n, d } = floor.perLearnerCents;
    const learners = BigInt(expectedLearners);

    for (const bid of context.bids) {
      const price = BigInt(bid.priceCents);
      // P / L < n / d  <=>  P * d < L * n  (L, d > 0)
      if (price * d >= learners * n) continue;
      const perLearner = rational(price, learners);
      const shortfall = rational(learners * n - price * d, learners * d);
      addFlag(flags, bid.id, {
        rule: 'cost-floor',
        threshold: null,
        value: rationalCentsToEuros(shortfall),
        reference: floor.perLearnerEuros,
        message:
          `Prijs per inburgeraar ${formatEuroRational(perLearner, 4)}` +
          ` (${formatEuroCents(bid.priceCents)} / ${expectedLearners} inburgeraars)` +
          ` ligt onder de kostenvloer: ${floor.computation};` +
          ` tekort ${formatEuroRational(shortfall, 4)} per inburgeraar.`,
      });
    }
    return flags;
  },
};
