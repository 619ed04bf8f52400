/**
 * @module
 * `unit-price`: flags a price line whose unit price is `<= (1 - t/100) *` the median unit
 * price of the lines with the same description across the set (its own included). Applies to
 * a description that occurs in at least 3 bids. Default t = 30.
 *
 * Method: lines are grouped by their description, compared as exact strings (no trimming or
 * case folding: templates fix the descriptions, and merging lines that merely look alike
 * would compare different things). A bid with several lines of the same description counts
 * once for the "at least 3 bids" condition, but each of its lines is a value of the median
 * and is tested on its own (one flag per line that fires). The median is an exact rational
 * (an even count takes the mean of the two middle values); the comparison is on integers,
 * at equality the line is flagged. The flag names the line in `line` and in the message.
 *
 * Origin: unbalanced (strategic) bidding, long known from unit-price contracts for works:
 * a total that looks normal can hide some items priced far below cost and others far above.
 *
 * Why it is a red flag: the bidder bets on the quantities: items it expects to be ordered
 * more than estimated are priced high, the others low, and the evaluated total says nothing
 * about what the buyer will pay. A line far below the market also may not pay the service.
 *
 * Example: "Intake" at EUR 100, 90, 110 and 70 in four bids: median EUR 95; 70 is 26,3 %
 * below, not flagged at t = 30; at EUR 66,50 it is exactly 30 % below and flagged.
 */
import { medianOf, type Rational } from '../exact.js';
import { formatEuroCents } from '../money.js';
import type { LowBidFlag, LowBidRule } from './flag.js';
import { addFlag, flagIfAtOrBelow, percentageThreshold } from './percentage.js';

const MINIMUM_BIDS = 3;

export const unitPriceRule: LowBidRule = {
  id: 'unit-price',
  defaultThreshold: 30,
  apply(context, threshold) {
    const t = percentageThreshold(threshold, 30);
    const flags = new Map<string, LowBidFlag[]>();

    const unitPrices = new Map<string, number[]>();
    const bidsWith = new Map<string, Set<string>>();
    for (const bid of context.bids) {
      for (const line of bid.priceLines) {
        unitPrices.set(line.description, [...(unitPrices.get(line.description) ?? []), line.unitPriceCents]);
        bidsWith.set(line.description, (bidsWith.get(line.description) ?? new Set()).add(bid.id));
      }
    }
    const medians = new Map<string, Rational>();
    for (const [description, prices] of unitPrices) {
      if ((bidsWith.get(description)?.size ?? 0) >= MINIMUM_BIDS) medians.set(description, medianOf(prices));
    }

    for (const bid of context.bids) {
      for (const line of bid.priceLines) {
        const median = medians.get(line.description);
        if (median === undefined) continue;
        const flag = flagIfAtOrBelow({
          rule: 'unit-price',
          threshold: t,
          priceCents: line.unitPriceCents,
          reference: median,
          subject: `Eenheidsprijs van regel "${line.description}" (${formatEuroCents(line.unitPriceCents)})`,
          comparedWith: 'de mediane eenheidsprijs van deze regel in de inschrijvingen',
          line: line.description,
        });
        if (flag) addFlag(flags, bid.id, flag);
      }
    }
    return flags;
  },
};
