/**
 * @module
 * What the formula check reads: a tender as it stands before publication, i.e. a dossier
 * without bids (or a template turned into one with `dossierFromTemplate`). Bids that happen to
 * be present are ignored: the check is about the formula, computed from the tender alone, so
 * that the answer cannot be tuned to bids that are already known.
 *
 * The check never scores anything itself. It makes up bids (`madeUpBid`) and asks the real
 * engine (`evaluateDossier`) who wins, so that the check and the award can never disagree
 * about what the formula does.
 */
import type { Bid, Criterion, Dossier } from '../evaluation/dossier.js';
import { evaluateDossier } from '../evaluation/evaluate.js';
import type { EvaluationResult } from '../evaluation/result.js';

/** A dossier whose bids are optional (and ignored). */
export type FormulaTender = Omit<Dossier, 'bids'> & { bids?: Bid[] | undefined };

export type Scores = Record<string, number>;

/** The tender with exactly these bids, ready for the engine. */
export function withBids(tender: FormulaTender, bids: Bid[]): Dossier {
  return { ...tender, bids };
}

/**
 * A made-up bid. `priceCents` undefined leaves the price out, which the engine reads as the
 * fixed price under `fixed-price` (the only price such a bid can have without being excluded).
 */
export function madeUpBid(id: string, name: string, scores: Scores, priceCents: number | undefined): Bid {
  const bid: Bid = { id, provider: { name, kvk: '00000000', keurmerk: true }, scores };
  if (priceCents !== undefined) bid.price = priceCents / 100;
  return bid;
}

/** Evaluation without the analysis and the low-bid rules: only who wins is needed, thousands of times. */
export function evaluateQuickly(tender: FormulaTender, bids: Bid[]): EvaluationResult {
  return evaluateDossier(withBids(tender, bids), { analysis: false, lowBidRules: false });
}

export function highestScale(criterion: Criterion): number {
  return criterion.scale[criterion.scale.length - 1] ?? 1;
}

/** The lowest score that a knock-out does not exclude: the minimum where set, else the scale's lowest. */
export function lowestAllowedScore(criterion: Criterion): number {
  return criterion.minimum ?? criterion.scale[0] ?? 0;
}

/**
 * The second-highest scale step, but never below the minimum: with the minimum at the top of
 * the scale the second-highest step would be excluded, and a quality bidder that is excluded
 * tests nothing. Then the quality bidder scores the top.
 */
export function secondHighestScore(criterion: Criterion): number {
  const second = criterion.scale[criterion.scale.length - 2] ?? highestScale(criterion);
  return Math.max(second, lowestAllowedScore(criterion));
}

/** `Q = sum_c w_c * s_c / m_c`, summed in the engine's order (prepare.ts), so that the numbers agree. */
export function qualityPointsOf(criteria: readonly Criterion[], scores: Scores): number {
  let points = 0;
  for (const criterion of criteria) points += criterion.weight * ((scores[criterion.id] ?? 0) / highestScale(criterion));
  return points;
}

export function scoresWith(criteria: readonly Criterion[], pick: (criterion: Criterion) => number): Scores {
  return Object.fromEntries(criteria.map((criterion) => [criterion.id, pick(criterion)]));
}
