/**
 * @module
 * `mean-of-others`: flags bid i when `P_i <= (1 - t/100) * mean(P_j, j != i)`.
 *
 * Method: the mean of the other bids' prices is kept as an exact rational (sum over count),
 * and the comparison is made on integers, so a bid exactly at the threshold is flagged.
 * Applies with at least 2 bids. Default t = 20.
 *
 * Origin: ProZorro (Ukraine) asks for an explanation when a bid is 40 % or more below the
 * mean of the other bids (t = 40 in the `prozorro` preset).
 *
 * Why it is a red flag: a bid far below what every competitor, knowing the same tender,
 * thinks the work costs, may hide a mistake, unpaid staff or a plan to recover the money
 * later (extra work, lower quality). Leaving the bid itself out keeps one very low bid from
 * pulling its own reference down.
 *
 * Example: prices EUR 1.100, 1.500, 1.700: the others of the first average EUR 1.600, and
 * 1.100 is 31,25 % below it, so with t = 20 the first bid is flagged.
 */
import { rational } from '../exact.js';
import type { LowBidFlag, LowBidRule } from './flag.js';
import { addFlag, flagIfAtOrBelow, percentageThreshold } from './percentage.js';

export const meanOfOthersRule: LowBidRule = {
  id: 'mean-of-others',
  defaultThreshold: 20,
  apply(context, threshold) {
    const t = percentageThreshold(threshold, 20);
    const flags = new Map<string, LowBidFlag[]>();
    const { bids } = context;
    if (bids.length < 2) return flags;
    const total = bids.reduce((sum, bid) => sum + BigInt(bid.priceCents), 0n);
    for (const bid of bids) {
      const flag = flagIfAtOrBelow({
        rule: 'mean-of-others',
        threshold: t,
        priceCents: bid.priceCents,
        reference: rational(total - BigInt(bid.priceCents), bids.length - 1),
        subject: 'Inschrijving',
        comparedWith: 'het gemiddelde van de andere inschrijvingen',
      });
      if (flag) addFlag(flags, bid.id, flag);
    }
    return flags;
  },
};
