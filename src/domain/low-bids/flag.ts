/**
 * @module
 * What a low-bid rule says about one bid, and what every rule gets to look at. A flag keeps
 * the numbers it used (threshold, value, reference) so that the bidder can be asked about
 * exactly those figures and the report can show why it fired (cf. cardinal-rs indicators).
 */
import type { CostFloorParams, LowBidRuleId } from '../evaluation/dossier.js';

export type LowBidFlag = {
  rule: LowBidRuleId;
  /** The percentage (or z-score bound) applied; null for `cost-floor`. */
  threshold: number | null;
  /** For percentage rules `(reference - P) / reference`; the z-score; the shortfall per learner in euros. */
  value: number;
  /** What the bid was compared with, in euros (the median for `statistical-outlier`). */
  reference: number;
  /** For `unit-price`: the description of the price line that fired. */
  line?: string;
  /** Dutch, with Dutch number format. */
  message: string;
};

/** One priced bid in the set the rules see (exclusions 1-3 already removed). */
export type PricedBid = {
  id: string;
  priceCents: number;
  priceLines: readonly { description: string; unitPriceCents: number }[];
};

export type LowBidContext = {
  bids: readonly PricedBid[];
  estimatedValueCents?: number | undefined;
  expectedLearners?: number | undefined;
  costFloor?: CostFloorParams | undefined;
};

/** A rule: its id, its default threshold (null when it has none) and how it flags. */
export type LowBidRule = {
  id: LowBidRuleId;
  defaultThreshold: number | null;
  /** Returns the flags per bid id; a bid without flags is absent. */
  apply(context: LowBidContext, threshold: number | null): Map<string, LowBidFlag[]>;
};
