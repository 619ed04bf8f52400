/**
 * @module
 * Fills the comparison's cache in the background after a start (issue 19: "the first
 * regional comparison after a restart under 50 ms"). Without it the first comparison of a
 * region reads and evaluates every tender (1,000 tenders x 10 bids: some 125 ms on the
 * reference machine, several times that on a busy one), and that first caller is often the
 * one who just deployed and checks the page.
 *
 * The newest tenders first, at most as many as the cache holds, in slices: after each slice
 * the event loop serves what waits, so a request arriving during the warm-up waits at most
 * one slice (50 tenders: a few ms) behind it. Each slice reads its keys and rows in one
 * read transaction (cached-observations.ts), so what it stores is exactly what a request
 * would have stored; a tender already cached at its current key is skipped, and a tender
 * that changes later is simply read again by the next request, as always.
 */
import type { AppContext } from '../../http/types.js';
import { observeAndCache } from './cached-observations.js';

export type ComparisonWarmup = {
  /** Resolves with the number of tenders read when the warm-up is done or stopped. */
  done: Promise<number>;
  /** Stops after the slice under way (before the database closes). */
  stop: () => void;
};

const SLICE = 50;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * @example const warmup = startComparisonWarmup(ctx); ...; warmup.stop();
 */
export function startComparisonWarmup(ctx: AppContext, { slice = SLICE }: { slice?: number } = {}): ComparisonWarmup {
  let stopped = false;
  async function run(): Promise<number> {
    await nextTurn();
    if (stopped) return 0;
    const ids = ctx.queries.regions.listComparableTenderIds(ctx.comparisonCache.maxTenders);
    let read = 0;
    // Oldest of the selection first, so that the newest are the last stored and the last a
    // bounded cache would drop.
    for (let end = ids.length; end > 0 && !stopped; end -= slice) {
      const part = ids.slice(Math.max(0, end - slice), end);
      read += ctx.db.sqlite
        .transaction(() => {
          const lacking = ctx.queries.regions.lastSeqsOf(part).filter(({ id, lastSeq }) => ctx.comparisonCache.get(id, lastSeq) === undefined);
          return observeAndCache(ctx, lacking).size;
        })
        .deferred();
      await nextTurn();
    }
    return read;
  }
  return {
    done: run(),
    stop: () => {
      stopped = true;
    },
  };
}
