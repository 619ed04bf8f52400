/**
 * @module
 * The dossier of one lot, as the specification's `spec/evaluation.md` fixes it. These are the field
 * names of the contract: add fields freely, rename none. Amounts are euros here, exactly as
 * they stand in the JSON; the engine turns them into cents (see prepare.ts).
 */
import type { ProviderAddress } from '../provider/provider-address.js';

export const DOSSIER_FORMAT = 'gunningswijzer/dossier@1' as const;

export const AWARD_METHODS = [
  'lowest-relative',
  'min-max-bids',
  'min-max-set',
  'gunnen-op-waarde',
  'quality-price-ratio',
  'utility-index',
  'fixed-price',
] as const;
export type AwardMethod = (typeof AWARD_METHODS)[number];

export const TIE_BREAKS = ['quality', 'price', 'lot'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

/** Methods whose score uses `award.priceWeight`. */
export const METHODS_WITH_PRICE_WEIGHT: readonly AwardMethod[] = ['lowest-relative', 'min-max-bids', 'min-max-set', 'utility-index'];

/** Methods where a bid's score depends on the other bids' prices (rank reversal is possible). */
export const RELATIVE_METHODS: readonly AwardMethod[] = ['lowest-relative', 'min-max-bids', 'utility-index'];

/** Methods that give `pricePoints` and rank on points. */
export const POINTS_METHODS_WITH_PRICE: readonly AwardMethod[] = ['lowest-relative', 'min-max-bids', 'min-max-set'];

export type Tender = {
  reference: string;
  title: string;
  buyer: string;
  lot: string;
  estimatedValue?: number | undefined;
  expectedLearners?: number | undefined;
  /**
   * `two`: the price envelopes were sealed until the quality was locked (docs/two-envelopes.md).
   * Absent means `one`; the evaluation never reads it.
   */
  envelopes?: 'one' | 'two' | undefined;
};

export type Award = {
  method: AwardMethod;
  priceWeight?: number | undefined;
  priceFloor?: number | undefined;
  priceCeiling?: number | undefined;
  fixedPrice?: number | undefined;
  tieBreak?: TieBreak[] | undefined;
};

/** What one score on a criterion's scale means, so evaluators score against the same yardstick. */
export type CriterionLevel = { score: number; meaning: string };

export type Criterion = {
  id: string;
  title: string;
  /** What the criterion asks of a bid (Dutch); shown to evaluators and bidders. */
  description?: string | undefined;
  weight: number;
  scale: number[];
  /** The meaning of scale values; each `score` is a value of `scale`, at most once. */
  levels?: CriterionLevel[] | undefined;
  minimum?: number | undefined;
  /** `gunnen-op-waarde`: the fictive discount in euros at the maximum score. */
  value?: number | undefined;
};

export const LOW_BID_RULE_IDS = [
  'mean-of-others',
  'gap-to-next',
  'below-average',
  'below-estimate',
  'statistical-outlier',
  'cost-floor',
  'unit-price',
] as const;
export type LowBidRuleId = (typeof LOW_BID_RULE_IDS)[number];

export const LOW_BID_PRESETS = ['nl-default', 'prozorro', 'germany', 'belgium', 'none'] as const;
export type LowBidPreset = (typeof LOW_BID_PRESETS)[number];

export type LowBidRuleSetting = {
  id: LowBidRuleId;
  threshold?: number | undefined;
  enabled?: boolean | undefined;
};

export type CostFloorParams = {
  contactHours: number;
  teacherHourlyCost: number;
  groupSize: number;
  overheadShare: number;
  fixedCostPerLearner?: number | undefined;
};

export type LowBidRules = {
  preset?: LowBidPreset | undefined;
  rules?: LowBidRuleSetting[] | undefined;
  costFloor?: CostFloorParams | undefined;
};

/** A school as a bid names it; the address fields are optional (issue 17, `provider-address.ts`). */
export type Provider = { name: string; kvk: string; keurmerk: boolean } & ProviderAddress;

export type PriceLine = { description: string; quantity: number; unitPrice: number };

export const REVIEW_STATES = ['open', 'explanation-requested', 'explanation-received', 'no-response', 'accepted', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export type LowBidReview = {
  state: ReviewState;
  requestedAt?: string | undefined;
  deadline?: string | undefined;
  questions?: string | undefined;
  explanation?: string | undefined;
  receivedAt?: string | undefined;
  decision?: 'accepted' | 'rejected' | undefined;
  motivation?: string | undefined;
  decidedAt?: string | undefined;
};

/**
 * The bidder withdrew its bid after the opening (an addition to the spec's dossier, see
 * docs/corrections.md): the bid leaves the ranking with this as its reason, and needs no
 * scores from then on.
 */
export type BidWithdrawal = {
  /** `YYYY-MM-DD`: the day the buyer received the withdrawal. */
  receivedOn: string;
  /** The bidder's reason, as the buyer recorded it. */
  reason: string;
};

/**
 * A document of the bid as the exported dossier names it (issue 20): its bytes are not in the
 * dossier; name, size and SHA-256 let an auditor match the file. Every version is listed.
 */
export type BidDocumentRef = { name: string; size: number; sha256: string; envelope: 'quality' | 'price'; version: number };

export type Bid = {
  id: string;
  provider: Provider;
  price?: number | undefined;
  priceLines?: PriceLine[] | undefined;
  scores: Record<string, number>;
  lowBidReview?: LowBidReview | undefined;
  withdrawal?: BidWithdrawal | undefined;
  /** Only in an export, and never read by the evaluation (docs/two-envelopes.md, "The dossier"). */
  documents?: BidDocumentRef[] | undefined;
};

export type Dossier = {
  format: typeof DOSSIER_FORMAT;
  tender: Tender;
  award: Award;
  criteria: Criterion[];
  lowBidRules?: LowBidRules | undefined;
  bids: Bid[];
};
