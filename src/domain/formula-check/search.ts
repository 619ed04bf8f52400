/**
 * @module
 * Bisection over integers (cents, hundredths of a price weight, whole contact hours). Every
 * search of the formula check is over a predicate that the engine decides and that is
 * monotone in the searched number (a bid's chances only fall as its own price rises; the
 * underbidder's chances only fall as the price weight falls or the cost floor rises), so the
 * answer is the boundary between a run of true and a run of false, found in log2(width) runs
 * of the engine. Exact to one unit, never sampled.
 */

/**
 * The largest n in [low, high] with `holds(n)`, given that `holds(low)` is true and that
 * `holds` is true up to some n and false after it.
 * @example lastHolding(1, 100, (n) => n * n <= 50) // 7
 */
export function lastHolding(low: number, high: number, holds: (n: number) => boolean): number {
  let yes = low;
  let no = high + 1;
  while (no - yes > 1) {
    const mid = yes + Math.floor((no - yes) / 2);
    if (holds(mid)) yes = mid;
    else no = mid;
  }
  return yes;
}

/**
 * The smallest n in [low, high] with `holds(n)`, given that `holds` is false up to some n and
 * true after it; null when even `holds(high)` is false.
 * @example firstHolding(1, 100, (n) => n * n >= 50) // 8
 */
export function firstHolding(low: number, high: number, holds: (n: number) => boolean): number | null {
  if (!holds(high)) return null;
  let no = low - 1;
  let yes = high;
  while (yes - no > 1) {
    const mid = no + Math.floor((yes - no) / 2);
    if (holds(mid)) yes = mid;
    else no = mid;
  }
  return yes;
}
