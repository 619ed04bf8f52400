/**
 * @module
 * Each tender's comparison rows, kept until the tender changes. The key is the `seq` of the
 * tender's last audit event: every change to a tender (its settings, bids, scores, reviews,
 * the award) appends an event with its `tenderId` in the same transaction, so an unchanged
 * `seq` means unchanged rows, and a change to one tender leaves the other 999 of a region
 * cached.
 *
 * Why a cache at all: the rows need each tender's evaluation, and the engine takes about
 * 0.5 ms per 10-bid tender without the analysis (1.4 ms with it) on the reference machine:
 * 1,000 tenders would cost half a second per request, five times the budget. Warmed lazily
 * by the first request that needs a tender; a tender with an award decision is read from the
 * evaluation stored with it rather than computed. Measured in bench/comparison-route.bench.ts.
 *
 * The same for every caller: the rows of one tender do not depend on who asks. Who may see
 * which tender is decided per request on the listing, before this cache is read
 * (comparison-access.ts), so one caller's view never serves another's and the cache needs
 * nothing of the caller in its key.
 *
 * Bounded: beyond `maxTenders` the least recently stored tender is dropped (a region of
 * 1,000 tenders is about 10,000 rows of a few hundred bytes).
 *
 * One cache per server (`ctx.comparisonCache`), for the API route and the page alike, filled
 * in the background after a start (comparison-warmup.ts).
 */
import type { BidObservation } from '../../domain/comparison/observation.js';
import { createVersionedCache } from '../../lib/versioned-cache.js';

export type CachedTender = { lastSeq: number | null; tenderDate: string; observations: readonly BidObservation[] };

export type ComparisonCache = {
  get: (tenderId: string, lastSeq: number | null) => CachedTender | undefined;
  set: (tenderId: string, entry: CachedTender) => void;
  /** How many tenders it holds at most. */
  maxTenders: number;
};

export const COMPARISON_CACHE_TENDERS = 10_000;

/** @example const cache = createComparisonCache({ maxTenders: 10_000 }); */
export function createComparisonCache({ maxTenders = COMPARISON_CACHE_TENDERS }: { maxTenders?: number } = {}): ComparisonCache {
  const entries = createVersionedCache<CachedTender>({ maxEntries: maxTenders });
  return {
    get: (tenderId, lastSeq) => entries.get(tenderId, String(lastSeq)),
    set: (tenderId, entry) => entries.set(tenderId, String(entry.lastSeq), entry),
    maxTenders,
  };
}

declare module '../../http/types.js' {
  interface AppContext {
    comparisonCache: ComparisonCache;
  }
}
