/**
 * @module
 * `below-average`: flags bid i when `P_i <= (1 - t/100) * mean(all P)`, its own price
 * included. Applies with at least 4 bids. Default t = 15.
 *
 * Method: the mean of all prices as an exact rational, the comparison on integers (at
 * equality the bid is flagged).
 *
 * Origin: the Belgian rule (KB 18 april 2017, art. 36): the buyer must look into a bid that
 * is 15 % or more below the average of the bids (`belgium` preset). The minimum of four bids
 * (`low-bids.md`) keeps the average from resting on too few prices.
 *
 * Why it is a red flag: the average of the market's answers is the best available estimate
 * of what the work costs; a bid well below it either knows something the others do not, or
 * cannot be carried out at that price.
 *
 * Example: prices EUR 800, 1.000, 1.100, 1.100 average EUR 1.000; 800 is 20 % below it, so
 * it is flagged at t = 15 (and at t = 20: exactly at the threshold).
 */
import { meanOf } from '../exact.js';
import type { LowBidFlag, LowBidRule } from './flag.js';
import { addFlag, flagIfAtOrBelow, percentageThreshold } from './percentage.js';

const MINIMUM_BIDS = 4;

export const belowAverageRule: LowBidRule = {
  id: 'below-average',
  defaultThreshold: 15,
  apply(context, threshold) {
    const t = percentageThreshold(threshold, 15);
    const flags = new Map<string, LowBidFlag[]>();
    if (context.bids.length < MINIMUM_BIDS) return flags;
    const mean = meanOf(context.bids.map((bid) => bid.priceCents));
    for (const bid of context.bids) {
      const flag = flagIfAtOrBelow({
        rule: 'below-average',
        threshold: t,
        priceCents: bid.priceCents,
        reference: mean,
        subject: 'Inschrijving',
        comparedWith: 'het gemiddelde van alle inschrijvingen',
      });
      if (flag) addFlag(flags, bid.id, flag);
    }
    return flags;
  },
};
