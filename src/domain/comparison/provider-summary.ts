/**
 * @module
 * One provider (school, by KvK number) across the region's tenders: how often it bid and won,
 * its price per learner per route (median, lowest, highest), its mean quality fraction, how
 * often its bids were flagged by the single-tender low-bid rules and how those reviews ended,
 * and the cross-tender flag per route (cross-tender-flag.ts).
 *
 * Example: a school with B1-route bids of EUR 400.000 for 80 learners (won) and EUR 480.000 for
 * 100 learners gets 2 bids, 1 win, prices per learner 5000 and 4800: median 4900, min 4800,
 * max 5000.
 */
import { type CrossTenderFlag, flagBelowRegionalFence } from './cross-tender-flag.js';
import { type LowerFence, isBelowFence } from './lower-fence.js';
import type { BidObservation } from './observation.js';
import { type PerLearnerPrice, medianOfSorted, perLearnerEuros, rationalToEuros } from './price-per-learner.js';

/** Euros per learner. */
export type PricePerLearnerStats = { count: number; median: number; min: number; max: number };

/** Of the provider's flagged bids: how their art. 2.116 reviews ended, or that none started. */
export type ReviewOutcomeCounts = { accepted: number; rejected: number; pending: number; notReviewed: number };

export type ProviderRouteSummary = {
  route: string;
  bids: number;
  wins: number;
  meanQualityFraction: number | null;
  /** Null when none of the bids has a price per learner (no expected learners). */
  pricePerLearner: PricePerLearnerStats | null;
  crossTenderFlag: CrossTenderFlag | null;
};

export type ProviderSummary = {
  kvk: string;
  /** The name on its most recent bid. */
  name: string;
  bids: number;
  wins: number;
  tenders: number;
  excluded: number;
  /** Mean of `qualityFraction` over the bids that have one; null when none has. */
  meanQualityFraction: number | null;
  flagged: number;
  reviewOutcomes: ReviewOutcomeCounts;
  crossTenderFlagged: boolean;
  /** Routes in code-unit order. */
  routes: ProviderRouteSummary[];
};

export type SummarizeProviderInput = {
  kvk: string;
  observations: readonly BidObservation[];
  /** Per route, the provider's prices per learner sorted ascending (exact order). */
  sortedPricesByRoute: ReadonlyMap<string, readonly PerLearnerPrice[]>;
  /** Per route, the region's fence; absent or null when the route has too few prices. */
  fencesByRoute: ReadonlyMap<string, LowerFence | null>;
};

/** @example priceStatsOfSorted([{ priceCents: 48000000, learners: 100 }, { priceCents: 40000000, learners: 80 }]) */
export function priceStatsOfSorted(sorted: readonly PerLearnerPrice[]): PricePerLearnerStats | null {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return null;
  return {
    count: sorted.length,
    median: rationalToEuros(medianOfSorted(sorted)),
    min: perLearnerEuros(first),
    max: perLearnerEuros(last),
  };
}

type Tally = { bids: number; wins: number; qualitySum: number; qualityCount: number };

function newTally(): Tally {
  return { bids: 0, wins: 0, qualitySum: 0, qualityCount: 0 };
}

function addToTally(tally: Tally, observation: BidObservation): void {
  tally.bids += 1;
  if (observation.won) tally.wins += 1;
  if (observation.qualityFraction !== null) {
    tally.qualitySum += observation.qualityFraction;
    tally.qualityCount += 1;
  }
}

function meanQuality(tally: Tally): number | null {
  return tally.qualityCount === 0 ? null : tally.qualitySum / tally.qualityCount;
}

function countBelowFence(sorted: readonly PerLearnerPrice[], fence: LowerFence): number {
  // Sorted ascending, so the bids below the fence are a prefix.
  let count = 0;
  while (count < sorted.length && isBelowFence(sorted[count] as PerLearnerPrice, fence)) count += 1;
  return count;
}

function summarizeRoute(route: string, tally: Tally, input: SummarizeProviderInput): ProviderRouteSummary {
  const sorted = input.sortedPricesByRoute.get(route) ?? [];
  const fence = input.fencesByRoute.get(route) ?? null;
  const crossTenderFlag =
    fence === null || sorted.length === 0
      ? null
      : flagBelowRegionalFence({ route, median: medianOfSorted(sorted), count: sorted.length, bidsBelowFence: countBelowFence(sorted, fence) }, fence);
  return {
    route,
    bids: tally.bids,
    wins: tally.wins,
    meanQualityFraction: meanQuality(tally),
    pricePerLearner: priceStatsOfSorted(sorted),
    crossTenderFlag,
  };
}

/**
 * Summarizes one provider's (already filtered) bids.
 * @example summarizeProvider({ kvk: '05123456', observations, sortedPricesByRoute, fencesByRoute })
 */
export function summarizeProvider(input: SummarizeProviderInput): ProviderSummary {
  const total = newTally();
  const byRoute = new Map<string, Tally>();
  const tenders = new Set<string>();
  const reviewOutcomes: ReviewOutcomeCounts = { accepted: 0, rejected: 0, pending: 0, notReviewed: 0 };
  let name = '';
  let nameDate = '';
  let excluded = 0;
  let flagged = 0;

  for (const observation of input.observations) {
    addToTally(total, observation);
    let routeTally = byRoute.get(observation.route);
    if (routeTally === undefined) {
      routeTally = newTally();
      byRoute.set(observation.route, routeTally);
    }
    addToTally(routeTally, observation);
    tenders.add(observation.tenderId);
    if (observation.excluded) excluded += 1;
    if (observation.flagged) {
      flagged += 1;
      if (observation.reviewOutcome === null) reviewOutcomes.notReviewed += 1;
      else reviewOutcomes[observation.reviewOutcome] += 1;
    }
    if (observation.tenderDate >= nameDate) {
      name = observation.providerName;
      nameDate = observation.tenderDate;
    }
  }

  const routes = [...byRoute.keys()].sort().map((route) => summarizeRoute(route, byRoute.get(route) as Tally, input));
  return {
    kvk: input.kvk,
    name,
    bids: total.bids,
    wins: total.wins,
    tenders: tenders.size,
    excluded,
    meanQualityFraction: meanQuality(total),
    flagged,
    reviewOutcomes,
    crossTenderFlagged: routes.some((route) => route.crossTenderFlag !== null),
    routes,
  };
}
