/**
 * @module
 * The comparison rows of tenders the cache lacks: read in one go (five statements for any
 * number of tenders, regions.queries.ts), computed, and stored under each tender's last audit
 * `seq`. Shared by the request (regions.service.ts) and the warm-up after a start
 * (comparison-warmup.ts), so both fill the cache with exactly the same rows.
 *
 * The caller runs it inside the read transaction in which it read the `lastSeq`s: rows and
 * key then come from one snapshot, and a change committed in between cannot be stored under
 * the older key.
 */
import type { BidObservation } from '../../domain/comparison/observation.js';
import type { AppContext } from '../../http/types.js';
import type { StoredTender } from '../tenders/tenders.queries.js';
import { comparisonDateOf, observationsOfTender } from './bid-observations.js';
import type { TenderRowsById } from './regions.queries.js';

function groupByTender(rows: TenderRowsById): Map<string, StoredTender> {
  const stored = new Map<string, StoredTender>(rows.tenders.map((tender) => [tender.id, { tender, criteria: [], bids: [], priceLines: [], scores: [] }]));
  for (const row of rows.criteria) stored.get(row.tenderId)?.criteria.push(row);
  for (const row of rows.bids) stored.get(row.tenderId)?.bids.push(row);
  for (const row of rows.priceLines) stored.get(row.tenderId)?.priceLines.push(row);
  for (const row of rows.scores) stored.get(row.tenderId)?.scores.push(row);
  return stored;
}

/**
 * @example observeAndCache(ctx, [{ id, lastSeq: 42 }]) // Map { id => [{ tenderId: id, route: 'B1-route', ... }] }
 */
export function observeAndCache(ctx: AppContext, tenders: readonly { id: string; lastSeq: number | null }[]): Map<string, readonly BidObservation[]> {
  const observed = new Map<string, readonly BidObservation[]>();
  if (tenders.length === 0) return observed;
  const loaded = groupByTender(ctx.queries.regions.loadTenderRows(tenders.map((tender) => tender.id)));
  for (const { id, lastSeq } of tenders) {
    const stored = loaded.get(id);
    if (stored === undefined) continue;
    const rows = observationsOfTender(stored);
    ctx.comparisonCache.set(id, { lastSeq, tenderDate: comparisonDateOf(stored.tender), observations: rows });
    observed.set(id, rows);
  }
  return observed;
}
