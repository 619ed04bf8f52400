/**
 * @module
 * Price to win: for each ranked non-winner, the highest whole-cent price (at most its own)
 * at which it would have won, all else equal; null when no price from EUR 0,01 does it. It
 * tells a losing bidder, and the buyer, how far price outweighs the quality gap.
 *
 * A bid's own score is monotone in its own price for every method here, so "j wins at p" is
 * true below some cent and false above it: a bracket [wins, loses] over cents is searched
 * until it is one cent wide. Every step is decided by the exact winner test (tie-breaks
 * included); the margin between j's score and the best other score only chooses where to
 * look next (false position with the Illinois rule, which usually lands within a cent in a few
 * steps where pure bisection over ~2^26 cents takes 26); every step that fails to halve the
 * bracket is followed by a bisection step, so it is never worse than twice bisection.
 */
import type { Field } from '../field.js';
import { winnerAt } from '../field.js';

export function computePriceToWin(field: Field, winner: number, order: readonly number[]): Record<string, number | null> {
  const result: Record<string, number | null> = {};
  const prices = Float64Array.from(field.pricesCents);
  for (const j of order) {
    if (j === winner) continue;
    const own = field.pricesCents[j] as number;
    result[field.ids[j] ?? ''] = highestWinningCents(field, prices, j, own);
    prices[j] = own;
  }
  return result;
}

function highestWinningCents(field: Field, prices: Float64Array, j: number, own: number): number | null {
  const probe = (cents: number) => {
    prices[j] = cents;
    const wins = winnerAt(field, prices) === j;
    return { wins, margin: marginOf(field, j) };
  };
  // At its own price j does not win (it is not the winner), so the answer lies below it.
  if (own <= 1) return null;
  const bottom = probe(1);
  if (!bottom.wins) return null;
  let low = 1;
  let lowMargin = bottom.margin;
  let high = own;
  let highMargin = probe(own).margin;
  let lastMoved: 'low' | 'high' | null = null;
  let bisectNext = false;
  while (high - low > 1) {
    const width = high - low;
    let next = Math.floor((low + high) / 2);
    if (!bisectNext && lowMargin > 0 && highMargin < 0) {
      const guess = Math.floor(low + (lowMargin / (lowMargin - highMargin)) * width);
      next = Math.min(high - 1, Math.max(low + 1, guess));
    }
    const step = probe(next);
    if (step.wins) {
      low = next;
      lowMargin = Math.max(step.margin, Number.MIN_VALUE);
      // Illinois: when the same end moves twice, halve the other end's weight so that a
      // curved margin cannot stall false position.
      if (lastMoved === 'low') highMargin /= 2;
      lastMoved = 'low';
    } else {
      high = next;
      highMargin = Math.min(step.margin, -Number.MIN_VALUE);
      if (lastMoved === 'high') lowMargin /= 2;
      lastMoved = 'high';
    }
    // Safeguard: after a step that did not halve the bracket (a strongly curved margin, or
    // tied scores that the tie-break decides), the next step bisects.
    bisectNext = !bisectNext && high - low > width / 2;
  }
  return low / 100;
}

/** How far j's score leads the best other score (positive: ahead), from the last scoring. */
function marginOf(field: Field, j: number): number {
  const scores = field.scratch.scores;
  let bestOther = field.method.higherIsBetter ? -Infinity : Infinity;
  for (let i = 0; i < scores.length; i++) {
    if (i === j) continue;
    const s = scores[i] as number;
    if (field.method.higherIsBetter ? s > bestOther : s < bestOther) bestOther = s;
  }
  const own = scores[j] as number;
  return field.method.higherIsBetter ? own - bestOther : bestOther - own;
}
