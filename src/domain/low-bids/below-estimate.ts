/**
 * @module
 * `below-estimate`: flags bid i when `P_i <= (1 - t/100) * estimatedValue`, the buyer's own
 * estimate of the contract value (`tender.estimatedValue`). Applies when an estimate is
 * given; does not need any other bid. Default t = 25.
 *
 * Method: the estimate in cents, the comparison on integers (at equality the bid is flagged).
 *
 * Origin: common practice of Dutch and other European buyers, who compare every bid with
 * the estimate of the contract value they have to make anyway to choose the procedure.
 *
 * Why it is a red flag: it works even with one or two bids, where the rules that compare bids
 * with each other have nothing to go on; a bid a quarter below a careful estimate needs an
 * explanation, or the estimate does.
 *
 * Example: estimate EUR 600.000; a bid of EUR 450.000 is exactly 25 % below it and flagged
 * at t = 25, one of EUR 450.000,01 is not.
 */
import { rational } from '../exact.js';
import type { LowBidFlag, LowBidRule } from './flag.js';
import { addFlag, flagIfAtOrBelow, percentageThreshold } from './percentage.js';

export const belowEstimateRule: LowBidRule = {
  id: 'below-estimate',
  defaultThreshold: 25,
  apply(context, threshold) {
    const t = percentageThreshold(threshold, 25);
    const flags = new Map<string, LowBidFlag[]>();
    const estimate = context.estimatedValueCents;
    if (estimate === undefined || estimate <= 0) return flags;
    for (const bid of context.bids) {
      const flag = flagIfAtOrBelow({
        rule: 'below-estimate',
        threshold: t,
        priceCents: bid.priceCents,
        reference: rational(estimate),
        subject: 'Inschrijving',
        comparedWith: 'de geraamde opdrachtwaarde',
      });
      if (flag) addFlag(flags, bid.id, flag);
    }
    return flags;
  },
};
