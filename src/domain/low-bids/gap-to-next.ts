/**
 * @module
 * `gap-to-next`: flags bid i when `P_i <= (1 - t/100) * P_next`, where `P_next` is the lowest
 * price strictly above `P_i`.
 *
 * Method: sort the distinct prices; each bid is compared with the next higher one, on
 * integers (at equality the bid is flagged). Bids with the same price share the same
 * `P_next`; the highest price has none, so the rule does not apply to it. Default t = 20.
 *
 * Origin: German practice, the "Aufgreifschwelle" of the case law: a gap of about 20 % or
 * more to the next bid obliges the buyer to look into the lower bid
 * (`germany` preset); ProZorro uses t = 30.
 *
 * Why it is a red flag: competitors who price the same work close together and one bid far
 * below all of them is the classic picture of a calculation error or of a price that cannot
 * pay the work; unlike a mean, the gap is not blurred by one very high bid.
 *
 * Example: prices EUR 1.100 and 1.600: 1.100 is 31,25 % below 1.600, flagged at t = 20.
 */
import { rational } from '../exact.js';
import type { LowBidFlag, LowBidRule } from './flag.js';
import { addFlag, flagIfAtOrBelow, percentageThreshold } from './percentage.js';

export const gapToNextRule: LowBidRule = {
  id: 'gap-to-next',
  defaultThreshold: 20,
  apply(context, threshold) {
    const t = percentageThreshold(threshold, 20);
    const flags = new Map<string, LowBidFlag[]>();
    const prices = [...new Set(context.bids.map((bid) => bid.priceCents))].sort((a, b) => a - b);
    for (const bid of context.bids) {
      const next = prices.find((price) => price > bid.priceCents);
      if (next === undefined) continue;
      const flag = flagIfAtOrBelow({
        rule: 'gap-to-next',
        threshold: t,
        priceCents: bid.priceCents,
        reference: rational(next),
        subject: 'Inschrijving',
        comparedWith: 'de eerstvolgende inschrijving',
      });
      if (flag) addFlag(flags, bid.id, flag);
    }
    return flags;
  },
};
