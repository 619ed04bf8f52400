/**
 * @module
 * The regional comparison (issue 8): over the bids of a regio's tenders and its member
 * gemeenten', filtered by period, route and status, per provider its bids, wins, prices per
 * learner, quality and flags (provider-summary.ts), and per route the quartiles and lower
 * fence (lower-fence.ts) and the price per learner per year (route-trend.ts), with the
 * providers whose median price per learner lies below the fence flagged (cross-tender-flag.ts).
 *
 * Per route (issue 21): the lots of different tenders and procedures are one route when
 * their lot texts match (route-key.ts), and every statistic across tenders (quartiles, fence,
 * trend, a provider's prices) is computed per route, so a Z-route's prices never move the
 * B1-route's median or fence. `lots` lists the tenders (lots) counted, each with its route.
 *
 * Speed: 10,000 bids in a few milliseconds (bench/comparison.bench.ts). Each route's prices
 * are sorted once, with doubles and an exact look only at equal doubles; walking that order
 * hands every provider and year its prices already sorted. BigInt appears only for medians,
 * quartiles and fences, a few per route and provider.
 *
 * @example
 * const comparison = compareRegion(observations, { from: '2025-01-01', route: 'B1-route' });
 * comparison.providers.filter((provider) => provider.crossTenderFlagged);
 */
import { type LowerFence, type LowerFenceSummary, MINIMUM_PRICES_FOR_FENCE, computeLowerFence, summarizeLowerFence } from './lower-fence.js';
import { type BidObservation, type ComparisonFilters, filterObservations } from './observation.js';
import { type PerLearnerPrice, comparePerLearner } from './price-per-learner.js';
import { type PricePerLearnerStats, type ProviderSummary, priceStatsOfSorted, summarizeProvider } from './provider-summary.js';
import { routeNames } from './route-key.js';
import { type DatedPrice, type RouteYear, computeRouteTrend } from './route-trend.js';

export type RouteStatistics = {
  route: string;
  bids: number;
  tenders: number;
  /** Bids with a price per learner (their tender has expected learners). */
  pricedBids: number;
  pricePerLearner: PricePerLearnerStats | null;
  /** Quartiles and lower fence in euros per learner; null with fewer priced bids than the minimum. */
  lowerFence: LowerFenceSummary | null;
  /** KvK numbers of the providers flagged below the fence on this route, ascending. */
  flaggedProviders: string[];
  trend: RouteYear[];
};

/** One tender (a lot of a procedure, or a tender on its own) that the comparison counted. */
export type ComparedLot = {
  tenderId: string;
  /** The route it is counted on, by its name in the comparison (route-key.ts). */
  route: string;
  /** The lot text as the tender writes it. */
  lot: string;
  bids: number;
};

export type RegionComparison = {
  filters: ComparisonFilters;
  bids: number;
  tenders: number;
  /** In the order of the observations' tenders. */
  lots: ComparedLot[];
  /** By name, then KvK number (code-unit order). */
  providers: ProviderSummary[];
  /** By route name (code-unit order). */
  routes: RouteStatistics[];
};

export type CompareRegionOptions = {
  /** Fewest priced bids on a route for quartiles and a fence (default 4). */
  minimumPricesForFence?: number;
};

type PricedEntry = DatedPrice & { readonly kvk: string; readonly value: number };

type RouteBucket = { bids: number; tenders: Set<string>; priced: PricedEntry[] };

function byExactPrice(a: PricedEntry, b: PricedEntry): number {
  // Different doubles of correctly rounded quotients are in the exact order; equal ones need a look.
  return a.value - b.value || comparePerLearner(a, b);
}

function checkObservation(observation: BidObservation): void {
  const { priceCents, expectedLearners } = observation;
  if (!Number.isSafeInteger(priceCents) || priceCents <= 0) {
    throw new RangeError(`tender ${observation.tenderId}: priceCents must be a positive whole number, got ${priceCents}`);
  }
  if (expectedLearners !== null && (!Number.isSafeInteger(expectedLearners) || expectedLearners < 1)) {
    throw new RangeError(`tender ${observation.tenderId}: expectedLearners must be a whole number >= 1, got ${expectedLearners}`);
  }
}

function routeStatistics(route: string, bucket: RouteBucket, fence: LowerFence | null, flagged: string[]): RouteStatistics {
  return {
    route,
    bids: bucket.bids,
    tenders: bucket.tenders.size,
    pricedBids: bucket.priced.length,
    pricePerLearner: priceStatsOfSorted(bucket.priced),
    lowerFence: fence === null ? null : summarizeLowerFence(fence),
    flaggedProviders: flagged.sort(),
    trend: computeRouteTrend(bucket.priced),
  };
}

/**
 * The observations with each lot text replaced by its route's name (route-key.ts). Only an
 * observation written otherwise than its route's name is copied; when none is, the same array.
 */
function withRouteNames(observations: readonly BidObservation[]): readonly BidObservation[] {
  const lotTexts = new Set<string>();
  let last: string | undefined;
  for (const observation of observations) {
    if (observation.route !== last) {
      last = observation.route;
      lotTexts.add(last);
    }
  }
  const names = routeNames(lotTexts);
  if ([...names].every(([text, name]) => text === name)) return observations;
  return observations.map((observation) => {
    const route = names.get(observation.route) as string;
    return route === observation.route ? observation : { ...observation, route };
  });
}

export function compareRegion(observations: readonly BidObservation[], filters: ComparisonFilters = {}, options: CompareRegionOptions = {}): RegionComparison {
  const filtered = filterObservations(observations, filters);
  const selected = withRouteNames(filtered);
  const routes = new Map<string, RouteBucket>();
  const byProvider = new Map<string, BidObservation[]>();
  const lots = new Map<string, ComparedLot>();
  let lot: ComparedLot | undefined;

  for (let index = 0; index < selected.length; index += 1) {
    const observation = selected[index] as BidObservation;
    checkObservation(observation);
    // A tender's rows come together: look the lot up only when the tender changes.
    if (lot?.tenderId !== observation.tenderId) {
      lot = lots.get(observation.tenderId);
      if (lot === undefined) {
        lot = { tenderId: observation.tenderId, route: observation.route, lot: (filtered[index] as BidObservation).route, bids: 0 };
        lots.set(observation.tenderId, lot);
      }
    }
    lot.bids += 1;
    let bucket = routes.get(observation.route);
    if (bucket === undefined) {
      bucket = { bids: 0, tenders: new Set(), priced: [] };
      routes.set(observation.route, bucket);
    }
    bucket.bids += 1;
    bucket.tenders.add(observation.tenderId);
    const learners = observation.expectedLearners;
    if (learners !== null) {
      bucket.priced.push({
        priceCents: observation.priceCents,
        learners,
        tenderDate: observation.tenderDate,
        kvk: observation.providerKvk,
        value: observation.priceCents / learners,
      });
    }
    const own = byProvider.get(observation.providerKvk);
    if (own === undefined) byProvider.set(observation.providerKvk, [observation]);
    else own.push(observation);
  }

  const minimumPrices = options.minimumPricesForFence ?? MINIMUM_PRICES_FOR_FENCE;
  const fencesByRoute = new Map<string, LowerFence | null>();
  const pricesByProvider = new Map<string, Map<string, PerLearnerPrice[]>>();
  for (const [route, bucket] of routes) {
    bucket.priced.sort(byExactPrice);
    fencesByRoute.set(route, computeLowerFence(bucket.priced, minimumPrices));
    // Walking the sorted route hands every provider its prices on the route already sorted.
    for (const entry of bucket.priced) {
      let perRoute = pricesByProvider.get(entry.kvk);
      if (perRoute === undefined) {
        perRoute = new Map();
        pricesByProvider.set(entry.kvk, perRoute);
      }
      const list = perRoute.get(route);
      if (list === undefined) perRoute.set(route, [entry]);
      else list.push(entry);
    }
  }

  const providers: ProviderSummary[] = [];
  const flaggedByRoute = new Map<string, string[]>();
  for (const [kvk, own] of byProvider) {
    const summary = summarizeProvider({
      kvk,
      observations: own,
      sortedPricesByRoute: pricesByProvider.get(kvk) ?? new Map(),
      fencesByRoute,
    });
    for (const route of summary.routes) {
      if (route.crossTenderFlag === null) continue;
      const flagged = flaggedByRoute.get(route.route);
      if (flagged === undefined) flaggedByRoute.set(route.route, [kvk]);
      else flagged.push(kvk);
    }
    providers.push(summary);
  }
  providers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kvk < b.kvk ? -1 : a.kvk > b.kvk ? 1 : 0));

  const sortedRoutes = [...routes.keys()].sort();
  return {
    filters,
    bids: selected.length,
    tenders: lots.size,
    lots: [...lots.values()],
    providers,
    routes: sortedRoutes.map((route) =>
      routeStatistics(route, routes.get(route) as RouteBucket, fencesByRoute.get(route) ?? null, flaggedByRoute.get(route) ?? []),
    ),
  };
}
