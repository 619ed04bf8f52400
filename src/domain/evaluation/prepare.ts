/**
 * @module
 * Turns a validated dossier into what the engine computes with: prices in cents, quality
 * points and fictive discounts computed once per bid (they do not change while a price
 * moves, so the analysis that re-prices bids never recomputes them), and the exclusions
 * that depend on the bid alone.
 */
import { formatDutchDate, isIsoDate } from '../dates.js';
import { eurosToCents, formatEuroCents } from '../money.js';
import type { AwardMethod, BidWithdrawal, Criterion, Dossier, LowBidReview, PriceLine, TieBreak } from './dossier.js';

export type PreparedCriterion = {
  id: string;
  weight: number;
  maximum: number;
  minimum: number | undefined;
  value: number | undefined;
};

export type PreparedPriceLine = {
  description: string;
  unitPriceCents: number;
  amountCents: number;
};

export type PreparedBid = {
  id: string;
  /** The price that ranks; for `fixed-price` a bid without a price is at the fixed price. */
  priceCents: number;
  priceLines: PreparedPriceLine[];
  qualityPoints: number;
  /** `Q_i / W_Q`. */
  qualityFraction: number;
  /** `gunnen-op-waarde`: `sum value_c * s_ic / m_c` in euros; 0 for other methods. */
  fictiveDiscount: number;
  /** Exclusions 1-3 of the spec, or withdrawn by the bidder: the low-bid rules do not see these bids. */
  excludedBeforeReview: boolean;
  /** Every reason, in the spec's order (knock-out, ceiling, fixed price, art. 2.116), then a withdrawal. */
  exclusionReasons: string[];
  review: LowBidReview | undefined;
};

export type AwardParams = {
  method: AwardMethod;
  /** `W_P`; 0 where the method has no price weight. */
  priceWeight: number;
  /** `W_Q = sum_c w_c`. */
  qualityWeight: number;
  priceFloorCents: number | undefined;
  priceCeilingCents: number | undefined;
  fixedPriceCents: number | undefined;
  tieBreak: TieBreak[];
};

export type PreparedLot = {
  award: AwardParams;
  criteria: PreparedCriterion[];
  bids: PreparedBid[];
};

const DEFAULT_TIE_BREAK: TieBreak[] = ['quality', 'lot'];

/** Line amount: `quantity * unitPrice` rounded half up to the cent, on integers (spec "priceLines"). */
export function priceLineAmountCents(line: PriceLine): number {
  const hundredths = BigInt(Math.round(line.quantity * 100));
  const unitCents = BigInt(eurosToCents(line.unitPrice));
  return Number((hundredths * unitCents + 50n) / 100n);
}

function bidPriceCents(price: number | undefined, lines: PreparedPriceLine[], fixedPriceCents: number | undefined): number {
  if (price !== undefined) return eurosToCents(price);
  if (lines.length > 0) return lines.reduce((sum, line) => sum + line.amountCents, 0);
  // Validation admits a missing price only for `fixed-price`, where the buyer sets the price.
  return fixedPriceCents ?? 0;
}

function prepareCriterion(criterion: Criterion): PreparedCriterion {
  return {
    id: criterion.id,
    weight: criterion.weight,
    maximum: criterion.scale[criterion.scale.length - 1] ?? 1,
    minimum: criterion.minimum,
    value: criterion.value,
  };
}

/**
 * A withdrawn bid's reason, after the spec's four (docs/corrections.md).
 * @example withdrawalReason({ receivedOn: '2026-03-12', reason: 'Capaciteit elders nodig.' })
 * // 'ingetrokken door de inschrijver (ontvangen op 12 maart 2026): Capaciteit elders nodig.'
 */
export function withdrawalReason(withdrawal: BidWithdrawal): string {
  const on = isIsoDate(withdrawal.receivedOn) ? formatDutchDate(withdrawal.receivedOn) : withdrawal.receivedOn;
  return `ingetrokken door de inschrijver (ontvangen op ${on}): ${withdrawal.reason.trim()}`;
}

function knockOutReasons(criteria: PreparedCriterion[], scores: Record<string, number>): string[] {
  const reasons: string[] = [];
  for (const criterion of criteria) {
    const score = scores[criterion.id];
    if (criterion.minimum !== undefined && score !== undefined && score < criterion.minimum) {
      reasons.push(`${criterion.id}: score ${score} ligt onder het minimum ${criterion.minimum}`);
    }
  }
  return reasons;
}

/** Prepares a dossier that `parseDossier` accepted. */
export function prepareLot(dossier: Dossier): PreparedLot {
  const criteria = dossier.criteria.map(prepareCriterion);
  const qualityWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const award: AwardParams = {
    method: dossier.award.method,
    priceWeight: dossier.award.priceWeight ?? 0,
    qualityWeight,
    priceFloorCents: optionalCents(dossier.award.priceFloor),
    priceCeilingCents: optionalCents(dossier.award.priceCeiling),
    fixedPriceCents: optionalCents(dossier.award.fixedPrice),
    tieBreak: dossier.award.tieBreak ?? DEFAULT_TIE_BREAK,
  };

  const bids = dossier.bids.map((bid): PreparedBid => {
    const priceLines = (bid.priceLines ?? []).map((line) => ({
      description: line.description,
      unitPriceCents: eurosToCents(line.unitPrice),
      amountCents: priceLineAmountCents(line),
    }));
    const priceCents = bidPriceCents(bid.price, priceLines, award.fixedPriceCents);
    let qualityPoints = 0;
    let fictiveDiscount = 0;
    for (const criterion of criteria) {
      const share = (bid.scores[criterion.id] ?? 0) / criterion.maximum;
      qualityPoints += criterion.weight * share;
      if (criterion.value !== undefined) fictiveDiscount += criterion.value * share;
    }

    const reasons = knockOutReasons(criteria, bid.scores);
    if (award.priceCeilingCents !== undefined && priceCents > award.priceCeilingCents) {
      reasons.push(`prijs ${formatEuroCents(priceCents)} ligt boven de plafondprijs ${formatEuroCents(award.priceCeilingCents)}`);
    }
    if (award.method === 'fixed-price' && bid.price !== undefined && priceCents !== award.fixedPriceCents) {
      reasons.push(`prijs ${formatEuroCents(priceCents)} wijkt af van de vaste prijs ${formatEuroCents(award.fixedPriceCents ?? 0)}`);
    }
    // A withdrawn bid is no longer an offer: unlike a rejected one (low-bids.md keeps that in
    // the set), it is no reference for the others' flags either.
    const excludedBeforeReview = reasons.length > 0 || bid.withdrawal !== undefined;
    if (bid.lowBidReview?.decision === 'rejected') {
      reasons.push(`afgewezen als abnormaal lage inschrijving (art. 2.116 Aanbestedingswet): ${bid.lowBidReview.motivation ?? ''}`.trim());
    }
    if (bid.withdrawal !== undefined) reasons.push(withdrawalReason(bid.withdrawal));

    return {
      id: bid.id,
      priceCents,
      priceLines,
      qualityPoints,
      qualityFraction: qualityWeight > 0 ? qualityPoints / qualityWeight : 0,
      fictiveDiscount: award.method === 'gunnen-op-waarde' ? fictiveDiscount : 0,
      excludedBeforeReview,
      exclusionReasons: reasons,
      review: bid.lowBidReview,
    };
  });

  return { award, criteria, bids };
}

function optionalCents(euros: number | undefined): number | undefined {
  return euros === undefined ? undefined : eurosToCents(euros);
}
