/**
 * @module
 * `GET /api/v1/regions/:id/comparison`: how the schools bid and fared across the tenders of
 * a regio and of its member gemeenten (issue 8). This service checks access, reads the rows
 * (one listing per request, plus five statements for the tenders the cache lacks) and hands
 * them to the pure `compareRegion`.
 *
 * Who, and whose bids they see, is decided in comparison-access.ts: the admins, inkopers and
 * auditors of the regio or of a member gemeente read it; another organisation's tender counts
 * only once awarded, the caller's own from its opening (unless the caller sits on its panel),
 * a draft never. That rule is applied to the listing before the cache is read and before any
 * filter or statistic, so the cache holds each tender's rows for everyone and serves each
 * caller only the tenders it may see.
 *
 * Per lot (issue 21): the route filter matches the lot text normalised (route-key.ts), and
 * the answer lists the lots of procedures counted with their tender and procedure (`lots`);
 * every statistic is per route in `compareRegion`.
 */
import { type ComparedLot, compareRegion, type RegionComparison } from '../../domain/comparison/compare-region.js';
import type { BidObservation, ComparisonFilters } from '../../domain/comparison/observation.js';
import { onRoute } from '../../domain/comparison/route-key.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { comparisonDateOf } from './bid-observations.js';
import { observeAndCache } from './cached-observations.js';
import { comparisonVisibility, requireRegionReader } from './comparison-access.js';
import type { RegionTenderKey } from './regions.queries.js';

/** A lot of a procedure that the comparison counted, named with its tender and procedure (issue 21). */
export type RegionLot = ComparedLot & {
  reference: string;
  title: string;
  procedure: { id: string; reference: string; title: string; lotId: string };
};

export type RegionComparisonView = Omit<RegionComparison, 'lots'> & {
  region: { id: string; name: string; members: { id: string; name: string }[] };
  /**
   * The lots of procedures counted, by route, then procedure reference, then lot order. A
   * tender on its own counts as before but is not listed: a region of 1,000 tenders would
   * double the answer's size and time (bench/comparison-route.bench.ts) for a list the
   * routes' figures already summarise.
   */
  lots: RegionLot[];
};

function passesFilters(key: RegionTenderKey, tenderDate: () => string, filters: ComparisonFilters, route: ((lot: string) => boolean) | undefined): boolean {
  if (filters.from !== undefined && tenderDate() < filters.from) return false;
  if (filters.to !== undefined && tenderDate() > filters.to) return false;
  if (route !== undefined && !route(key.lot)) return false;
  return filters.statuses === undefined || filters.statuses.length === 0 || filters.statuses.includes(key.status);
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The counted lots of procedures, named by their listing rows, in the view's order. */
function nameLots(lots: readonly ComparedLot[], keys: ReadonlyMap<string, RegionTenderKey>): RegionLot[] {
  const named: { lot: RegionLot; position: number }[] = [];
  for (const lot of lots) {
    const key = keys.get(lot.tenderId) as RegionTenderKey;
    if (key.procedure === null) continue;
    const { id, reference, title, lotId, lotPosition } = key.procedure;
    named.push({ lot: { ...lot, reference: key.reference, title: key.title, procedure: { id, reference, title, lotId } }, position: lotPosition });
  }
  return named
    .sort(
      (a, b) =>
        byCodeUnit(a.lot.route, b.lot.route) ||
        byCodeUnit(a.lot.procedure.reference, b.lot.procedure.reference) ||
        byCodeUnit(a.lot.procedure.id, b.lot.procedure.id) ||
        a.position - b.position,
    )
    .map(({ lot }) => lot);
}

/**
 * The rows of the region's tenders that the actor may see and that pass the filters, in
 * tender order; what the cache lacks is read in one go and cached under the tender's last
 * audit `seq`.
 */
function collectObservations(
  ctx: AppContext,
  { actor, regionId, filters }: { actor: Actor; regionId: string; filters: ComparisonFilters },
): { observations: BidObservation[]; keys: Map<string, RegionTenderKey> } {
  const counts = comparisonVisibility(ctx, actor);
  const route = filters.route === undefined ? undefined : onRoute(filters.route);
  // One read transaction: the keys and the rows they stand for come from the same snapshot.
  return ctx.db.sqlite
    .transaction(() => {
      const selected: { key: RegionTenderKey; cached: readonly BidObservation[] | undefined }[] = [];
      for (const key of ctx.queries.regions.listRegionTenderKeys(regionId, actor.userId)) {
        // Before the cache and the filters: what the actor may not see is not there for it.
        if (!counts(key)) continue;
        const cached = ctx.comparisonCache.get(key.id, key.lastSeq);
        // The date only when a filter asks for it: without the cache it is a time-zone conversion per tender.
        if (passesFilters(key, () => cached?.tenderDate ?? comparisonDateOf(key), filters, route)) selected.push({ key, cached: cached?.observations });
      }
      const computed = observeAndCache(
        ctx,
        selected.filter((tender) => tender.cached === undefined).map((tender) => tender.key),
      );
      const observations: BidObservation[] = [];
      for (const { key, cached } of selected) {
        for (const observation of cached ?? computed.get(key.id) ?? []) observations.push(observation);
      }
      return { observations, keys: new Map(selected.map(({ key }) => [key.id, key])) };
    })
    .deferred();
}

/**
 * @example compareRegionTenders(ctx, { actor, regionId, filters: { route: 'B1-route', from: '2025-01-01' } })
 */
export function compareRegionTenders(
  ctx: AppContext,
  { actor, regionId, filters }: { actor: Actor; regionId: string; filters: ComparisonFilters },
): RegionComparisonView {
  const region = requireRegionReader(ctx, actor, regionId);
  if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
    throw new AppError('invalid-input', { errors: [{ path: 'query.to', message: `ligt vóór from (${filters.from})` }] });
  }
  const members = ctx.queries.organisations
    .findOrganisations(ctx.queries.organisations.listRegionMemberIds(region.id))
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const { observations, keys } = collectObservations(ctx, { actor, regionId: region.id, filters });
  const comparison = compareRegion(observations, filters);
  return { region: { id: region.id, name: region.name, members }, ...comparison, lots: nameLots(comparison.lots, keys) };
}
