/**
 * @module
 * Evaluates one lot: exclusions, scores, ranking, low-bid flags and the analysis, as
 * the specification's `spec/evaluation.md` specifies. Pure: the same dossier always gives the same
 * result, which is what lets an auditor re-compute an award from an exported dossier.
 *
 * @example
 * const parsed = parseDossier(json);
 * if (parsed.ok) console.log(evaluateDossier(parsed.dossier).winner);
 */
import { flagLowBids } from '../low-bids/flag-low-bids.js';
import type { LowBidFlag } from '../low-bids/flag.js';
import { eurosToCents } from '../money.js';
import { computeEffectiveWeights } from './analysis/effective-weights.js';
import { computePriceShareRange } from './analysis/price-share-range.js';
import { computePriceToWin } from './analysis/price-to-win.js';
import { findRankReversals } from './analysis/rank-reversal.js';
import { computeRejectionImpact } from './analysis/rejection-impact.js';
import { type Dossier, POINTS_METHODS_WITH_PRICE } from './dossier.js';
import { createField, rankField, scoreField } from './field.js';
import { utilityNumerator } from './methods/utility-index.js';
import { type PreparedBid, type PreparedLot, prepareLot } from './prepare.js';
import { compareIds } from './ranking.js';
import type { BidResult, EvaluationResult, Sensitivity, Warning } from './result.js';

export type EvaluateOptions = {
  /** Rank reversal, sensitivity and effective weights (default on). */
  analysis?: boolean;
  /** The abnormally-low-bid rules (default on). */
  lowBidRules?: boolean;
  /**
   * The flags to use instead of running the rules on this dossier's bids: those of
   * `lowBidFlagsOfDossier` on a larger set of bids, when only some of them can be ranked yet.
   */
  flags?: ReadonlyMap<string, LowBidFlag[]>;
};

export function evaluateDossier(dossier: Dossier, options: EvaluateOptions = {}): EvaluationResult {
  const lot = prepareLot(dossier);
  const flags =
    options.lowBidRules === false
      ? new Map<string, LowBidFlag[]>()
      : options.flags === undefined
        ? lowBidFlagsFor(dossier, lot)
        : new Map(lot.bids.map((bid) => [bid.id, options.flags?.get(bid.id) ?? []]));
  return evaluatePreparedLot(lot, flags, options.analysis !== false);
}

/**
 * The low-bid flags of every bid from the prices alone, also while consensus scores are
 * missing: the rules need only the prices, the estimate and the cost floor. The set they see
 * leaves out what is already known to exclude a bid (a score given below its minimum, the
 * ceiling, the fixed price, a withdrawal); a score still to come can knock a bid out and so
 * change the others' flags, which is the only way scores enter the flags.
 * @example lowBidFlagsOfDossier(dossierWithoutScores).get('B3') // [{ rule: 'mean-of-others', ... }]
 */
export function lowBidFlagsOfDossier(dossier: Dossier): Map<string, LowBidFlag[]> {
  return lowBidFlagsFor(dossier, prepareLot(dossier));
}

function lowBidFlagsFor(dossier: Dossier, lot: PreparedLot): Map<string, LowBidFlag[]> {
  // The rules see every bid not excluded by exclusions 1-3; a bid rejected under art. 2.116
  // stays in the set, so rejecting one bid never flags the next by itself (low-bids.md).
  const seen = lot.bids.filter((bid) => !bid.excludedBeforeReview);
  return flagLowBids(
    {
      bids: seen,
      estimatedValueCents: dossier.tender.estimatedValue === undefined ? undefined : eurosToCents(dossier.tender.estimatedValue),
      expectedLearners: dossier.tender.expectedLearners,
      costFloor: dossier.lowBidRules?.costFloor,
    },
    dossier.lowBidRules,
  );
}

export function evaluatePreparedLot(lot: PreparedLot, flags: ReadonlyMap<string, LowBidFlag[]>, withAnalysis: boolean): EvaluationResult {
  const { award } = lot;
  const rankedBids = lot.bids.filter((bid) => bid.exclusionReasons.length === 0);
  const excludedBids = lot.bids.filter((bid) => bid.exclusionReasons.length > 0).sort((a, b) => compareIds(a.id, b.id));

  const field = createField(award, rankedBids);
  const { scores, pricePoints } = scoreField(field);
  const ranking = rankField(field, scores);
  const warnings: Warning[] = ranking.shared.map(({ rank, indices }) => ({
    code: 'tie-unresolved' as const,
    rank,
    bids: indices.map((i) => field.ids[i] ?? ''),
  }));

  if (award.method === 'utility-index') {
    const nonPositive = utilityNonPositive(rankedBids, award.qualityWeight, award.priceWeight);
    if (nonPositive.length > 0) warnings.push({ code: 'utility-nonpositive', bids: nonPositive });
  }

  const bids: BidResult[] = ranking.order.map((index) => {
    const bid = rankedBids[index] as PreparedBid;
    const result: BidResult = {
      bidId: bid.id,
      rank: ranking.ranks[index] ?? null,
      status: 'ranked',
      score: scores[index] ?? null,
      qualityPoints: bid.qualityPoints,
      exclusionReasons: [],
      lowBidFlags: flags.get(bid.id) ?? [],
    };
    if (pricePoints) result.pricePoints = pricePoints[index] as number;
    if (award.method === 'gunnen-op-waarde') result.fictiveDiscount = bid.fictiveDiscount;
    return result;
  });
  for (const bid of excludedBids) {
    bids.push({
      bidId: bid.id,
      rank: null,
      status: 'excluded',
      score: null,
      qualityPoints: bid.qualityPoints,
      exclusionReasons: bid.exclusionReasons,
      lowBidFlags: flags.get(bid.id) ?? [],
    });
  }

  const winner = ranking.winner;
  const sensitivity: Sensitivity = { priceShareRange: null, priceToWin: {} };
  let effectiveWeights: EvaluationResult['effectiveWeights'] = null;
  const hasPricePoints = POINTS_METHODS_WITH_PRICE.includes(award.method);
  const nominalPriceShare = award.priceWeight / (award.priceWeight + award.qualityWeight);

  if (withAnalysis && winner !== null) {
    if (field.method.relative) warnings.push(...findRankReversals(field, winner, ranking.order));
    if (hasPricePoints && pricePoints) {
      sensitivity.priceShareRange = computePriceShareRange(
        {
          qualityFractions: field.qualityFractions,
          priceFractions: pricePoints.map((p) => p / award.priceWeight),
        },
        winner,
      );
    }
    if (award.method !== 'fixed-price') sensitivity.priceToWin = computePriceToWin(field, winner, ranking.order);
  }
  if (withAnalysis && hasPricePoints && pricePoints) {
    const computed = computeEffectiveWeights(field.qualityPoints, pricePoints, nominalPriceShare);
    effectiveWeights = computed.effectiveWeights;
    if (computed.warning) warnings.push(computed.warning);
  }

  const result: EvaluationResult = {
    method: award.method,
    scoreKind: field.method.scoreKind,
    winner: winner === null ? null : (field.ids[winner] ?? null),
    bids,
    warnings,
    sensitivity,
    effectiveWeights,
  };
  const flagged = [...flags].filter(([, list]) => list.length > 0).map(([bidId]) => bidId);
  if (withAnalysis && flagged.length > 0) result.lowBidImpact = computeRejectionImpact(field, winner, flagged);
  return result;
}

function utilityNonPositive(bids: readonly PreparedBid[], qualityWeight: number, priceWeight: number): string[] {
  let best = -Infinity;
  for (const bid of bids) best = Math.max(best, bid.qualityFraction);
  return bids
    .filter((bid) => utilityNumerator(qualityWeight, priceWeight, best, bid.qualityFraction) <= 0)
    .map((bid) => bid.id)
    .sort(compareIds);
}
