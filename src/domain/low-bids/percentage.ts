/**
 * @module
 * What the percentage rules share: `P <= (1 - t/100) * R`, decided exactly on integers
 * (`evaluation.md`, "Numbers": at equality the bid is flagged), and the flag that keeps the
 * numbers it used. Each rule only says what R is and how to name it.
 */
import type { LowBidRuleId } from '../evaluation/dossier.js';
import { exactShareBelow, isAtOrBelowThreshold, toBasisPoints, type Rational } from '../exact.js';
import { formatDutchTrimmed, formatEuroRational, formatPercent, hasAtMostTwoDecimals, rationalCentsToEuros } from '../money.js';
import type { LowBidFlag } from './flag.js';

/** The threshold to use: the given one, else the rule's default; `0 < t < 100`, two decimals. */
export function percentageThreshold(threshold: number | null, defaultThreshold: number): number {
  const t = threshold ?? defaultThreshold;
  if (!hasAtMostTwoDecimals(t) || t <= 0 || t >= 100) {
    throw new RangeError(`a percentage threshold must have at most 2 decimals and 0 < t < 100, got ${t}`);
  }
  return t;
}

export type PercentageComparison = {
  rule: LowBidRuleId;
  threshold: number;
  /** The bid's price (or a line's unit price) in cents. */
  priceCents: number;
  /** R in cents, exact. */
  reference: Rational;
  /** Dutch, what is below: "Inschrijving", or a line with its unit price. */
  subject: string;
  /** Dutch, what R is: "de eerstvolgende inschrijving". */
  comparedWith: string;
  line?: string | undefined;
};

/**
 * The flag when `priceCents <= (1 - threshold/100) * reference`, else undefined.
 * @example
 * flagIfAtOrBelow({ rule: 'gap-to-next', threshold: 20, priceCents: 110000, reference: rational(160000),
 *   subject: 'Inschrijving', comparedWith: 'de eerstvolgende inschrijving' })
 * // { ..., value: 0.3125, reference: 1600, message: 'Inschrijving ligt 31,25% onder de
 * //   eerstvolgende inschrijving (EUR 1.600,00); drempel 20%.' }
 */
export function flagIfAtOrBelow(comparison: PercentageComparison): LowBidFlag | undefined {
  const { rule, threshold, priceCents, reference } = comparison;
  if (reference.n <= 0n) return undefined;
  if (!isAtOrBelowThreshold(priceCents, reference, toBasisPoints(threshold))) return undefined;
  const value = exactShareBelow(priceCents, reference);
  const message =
    `${comparison.subject} ligt ${formatPercent(value)} onder ${comparison.comparedWith}` +
    ` (${formatEuroRational(reference)}); drempel ${formatDutchTrimmed(threshold)}%.`;
  const flag: LowBidFlag = { rule, threshold, value, reference: rationalCentsToEuros(reference), message };
  if (comparison.line !== undefined) flag.line = comparison.line;
  return flag;
}

/** Adds a flag to a bid's list in a per-bid map. */
export function addFlag(flags: Map<string, LowBidFlag[]>, bidId: string, flag: LowBidFlag): void {
  const list = flags.get(bidId);
  if (list === undefined) flags.set(bidId, [flag]);
  else list.push(flag);
}
