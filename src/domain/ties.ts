/**
 * @module
 * When two doubles count as the same score. Scores are sums of quotients; two bids with
 * equal inputs must tie even when floating point adds them in another order, so the spec
 * compares with a relative tolerance of 1e-9 instead of `===`.
 */

/** @example scoresTie(0.1 + 0.2, 0.3) // true */
export function scoresTie(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
