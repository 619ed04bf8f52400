/**
 * @module
 * `statistical-outlier`: flags bid i when its modified z-score
 * `0.6745 * (P_i - median) / MAD <= -k`, with MAD the median of `|P_j - median|` over the set.
 * Applies with at least 5 bids and MAD > 0. Default k = 3.5.
 *
 * Method: median and MAD are exact rationals (an even count takes the mean of the two
 * middle values). The spec allows doubles for the z-score, but we decide it exactly too:
 * with 0.6745 = 6745/10000 and k in hundredths (thresholds have at most two decimals),
 * `6745 * (P_i - median) * 100 <= -k_hundredths * 10000 * MAD` on BigInt, so a bid exactly
 * at -k is flagged on every machine. `value` is the z-score as a double.
 *
 * Origin: Iglewicz and Hoaglin, "How to Detect and Handle Outliers" (ASQC, 1993): a
 * modified z-score below -3.5 marks a potential outlier. 0.6745 is the 75th percentile of
 * the standard normal, which makes the MAD comparable to a standard deviation.
 *
 * Why it is a red flag: unlike a mean, median and MAD are not dragged along by the low bid
 * itself, so one bid far from an otherwise tight field stands out however low it is, and
 * a field that is spread out anyway (a large MAD) does not produce false alarms.
 *
 * Example: prices EUR 930, 986,51, 1.000, 1.013,49, 1.020: median 1.000, deviations
 * 70, 13,49, 0, 13,49, 20, MAD 13,49, so the first has z = 0.6745 * -70 / 13.49 = -3.5 and is
 * flagged at k = 3.5 (exactly at the bound).
 */
import { medianAbsoluteDeviationOf, medianOf } from '../exact.js';
import { formatDutchNumber, formatDutchTrimmed, formatEuroRational, hasAtMostTwoDecimals, rationalCentsToEuros, toHundredths } from '../money.js';
import type { LowBidFlag, LowBidRule } from './flag.js';
import { addFlag } from './percentage.js';

const MINIMUM_BIDS = 5;
/** 0.6745 as 6745 / 10000. */
const CONSISTENCY_NUMERATOR = 6745n;
const CONSISTENCY_DENOMINATOR = 10000n;

export const statisticalOutlierRule: LowBidRule = {
  id: 'statistical-outlier',
  defaultThreshold: 3.5,
  apply(context, threshold) {
    const k = threshold ?? 3.5;
    if (!(k > 0) || !hasAtMostTwoDecimals(k)) {
      throw new RangeError(`k must be positive with at most 2 decimals, got ${k}`);
    }
    const flags = new Map<string, LowBidFlag[]>();
    const prices = context.bids.map((bid) => bid.priceCents);
    if (prices.length < MINIMUM_BIDS) return flags;
    const median = medianOf(prices);
    const mad = medianAbsoluteDeviationOf(prices, median);
    if (mad.n === 0n) return flags;
    const kHundredths = BigInt(toHundredths(k));

    for (const bid of context.bids) {
      // z = 6745 * (P - median) / (10000 * MAD) = zNumerator / zDenominator, zDenominator > 0.
      const zNumerator = CONSISTENCY_NUMERATOR * (BigInt(bid.priceCents) * median.d - median.n) * mad.d;
      const zDenominator = CONSISTENCY_DENOMINATOR * median.d * mad.n;
      // z <= -k  <=>  zNumerator * 100 <= -kHundredths * zDenominator
      if (zNumerator * 100n > -kHundredths * zDenominator) continue;
      const value = Number(zNumerator) / Number(zDenominator);
      addFlag(flags, bid.id, {
        rule: 'statistical-outlier',
        threshold: k,
        value,
        reference: rationalCentsToEuros(median),
        message:
          `Inschrijving is een statistische uitschieter naar beneden: gemodificeerde z-score` +
          ` ${formatDutchNumber(value, 2)} (mediaan ${formatEuroRational(median)},` +
          ` mediane absolute afwijking (MAD, hoe ver de prijzen gewoonlijk van de mediaan liggen) ${formatEuroRational(mad)});` +
          ` drempel -${formatDutchTrimmed(k)}.`,
      });
    }
    return flags;
  },
};
