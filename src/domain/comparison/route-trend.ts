/**
 * @module
 * A route's price per learner over time: per calendar year of the tender date, the number of
 * bids with a price per learner and their median (exact, then euros), with the lowest and
 * highest. Falling medians year after year are the race to the bottom the letters in
 * `seeds/` warn about.
 *
 * Example: B1-route bids of 5200 and 5000 euros per learner in 2025 and of 4600, 4400 and 3900
 * in 2026 give 2025: 2 bids, median 5100; 2026: 3 bids, median 4400.
 */
import { type PerLearnerPrice, medianOfSorted, perLearnerEuros, rationalToEuros } from './price-per-learner.js';

export type RouteYear = {
  year: string;
  count: number;
  /** Euros per learner. */
  median: number;
  min: number;
  max: number;
};

export type DatedPrice = PerLearnerPrice & { readonly tenderDate: string };

/**
 * The trend of prices sorted ascending (exact order): one entry per year, years ascending.
 * @example computeRouteTrend(sortedPrices) // [{ year: '2025', count: 2, median: 5100, ... }]
 */
export function computeRouteTrend(sorted: readonly DatedPrice[]): RouteYear[] {
  const byYear = new Map<string, DatedPrice[]>();
  for (const price of sorted) {
    const year = price.tenderDate.slice(0, 4);
    const bucket = byYear.get(year);
    if (bucket === undefined) byYear.set(year, [price]);
    else bucket.push(price);
  }
  const years = [...byYear.keys()].sort();
  return years.map((year) => {
    const prices = byYear.get(year) as DatedPrice[];
    return {
      year,
      count: prices.length,
      median: rationalToEuros(medianOfSorted(prices)),
      min: perLearnerEuros(prices[0] as DatedPrice),
      max: perLearnerEuros(prices[prices.length - 1] as DatedPrice),
    };
  });
}
