/**
 * @module
 * `below-regional-lower-fence`: flags a provider on a route when its median price per learner
 * over its bids on that route lies strictly below the lower fence `Q1 - 1.5 * IQR` of all the
 * region's bids on the route (lower-fence.ts), in the period and statuses filtered.
 *
 * Method: prices per learner are the bid's cents over the tender's expected learners, exact;
 * the provider's median and the fence are exact rationals and compared exactly. All bids
 * count, excluded ones too: a bid rejected as abnormally low is still a price the market
 * offered, and leaving it out would hide the very pattern this flag looks for. The flag keeps
 * the numbers it used (quartiles, IQR, fence, the provider's median and how many of its bids
 * lie below) so the page can show why it fired.
 *
 * Origin: Tukey's inner fence (Exploratory Data Analysis, 1977), as procurement red-flag
 * indicators apply it to prices (cf. open-contracting/cardinal-rs).
 *
 * Why it is a red flag: the single-tender rules compare a bid with the other bids of the same
 * tender, which may all be low in a market racing to the bottom. A school whose typical price
 * per learner sits far below what the region's schools ask for the same route, tender after
 * tender, is likely to make up for it on teaching hours, progress talks or guidance; the
 * buyer should ask how, the next time it bids.
 *
 * Example: the region's B1-route prices per learner 3000, 3100, 4800, 5000, 5100, 5200, 5300,
 * 5400, 5600 and 5700 euros: Q1 = 4800, Q3 = 5400, fence 4800 - 1.5 * 600 = 3900. A school
 * whose bids were 3000 and 3100 has median 3050 and is flagged; one with median 4800 is not.
 */
import { formatDutchNumber, formatEuroRational } from '../money.js';
import type { Rational } from '../exact.js';
import { type LowerFence, type LowerFenceSummary, isRationalBelowFence, summarizeLowerFence } from './lower-fence.js';
import { rationalToEuros } from './price-per-learner.js';

export const CROSS_TENDER_RULE = 'below-regional-lower-fence' as const;

export type CrossTenderFlag = {
  rule: typeof CROSS_TENDER_RULE;
  route: string;
  /** The provider's median price per learner on the route, euros. */
  providerMedian: number;
  /** The provider's bids on the route with a price per learner. */
  providerBids: number;
  /** How many of those lie below the fence themselves. */
  bidsBelowFence: number;
  /** `(fence - providerMedian) / fence`. */
  shareBelowFence: number;
  /** The region's quartiles and fence for the route, euros per learner. */
  region: LowerFenceSummary;
  /** Dutch, with Dutch number format. */
  message: string;
};

export type ProviderRoutePrices = {
  route: string;
  median: Rational;
  count: number;
  bidsBelowFence: number;
};

/**
 * The flag for one provider on one route, or null when its median is not below the fence.
 * @example flagBelowRegionalFence({ route: 'B1-route', median, count: 2, bidsBelowFence: 2 }, fence)
 */
export function flagBelowRegionalFence(prices: ProviderRoutePrices, fence: LowerFence): CrossTenderFlag | null {
  if (!isRationalBelowFence(prices.median, fence)) return null;
  const region = summarizeLowerFence(fence);
  const providerMedian = rationalToEuros(prices.median);
  const shortfall = fence.fence.n * prices.median.d - prices.median.n * fence.fence.d;
  const shareBelowFence = Number(shortfall) / Number(fence.fence.n * prices.median.d);
  const iqr = { n: fence.q3.n * fence.q1.d - fence.q1.n * fence.q3.d, d: fence.q1.d * fence.q3.d };
  const euros = (cents: Rational) => formatEuroRational(cents, 4);
  const bidWord = prices.count === 1 ? 'inschrijving' : 'inschrijvingen';
  const message =
    `Mediane prijs per inburgeraar ${euros(prices.median)} (${prices.count} ${bidWord}) ligt ` +
    `${formatDutchNumber(shareBelowFence * 100, 2)}% onder de ondergrens van de regio voor ${prices.route}: ` +
    `${euros(fence.fence)} = Q1 ${euros(fence.q1)} - 1,5 x IQR ${euros(iqr)} (Q3 ${euros(fence.q3)}; ` +
    `${fence.count} inschrijvingen in de regio).`;
  return {
    rule: CROSS_TENDER_RULE,
    route: prices.route,
    providerMedian,
    providerBids: prices.count,
    bidsBelowFence: prices.bidsBelowFence,
    shareBelowFence,
    region,
    message,
  };
}
