/**
 * @module
 * A bid's price per learner, kept exact: its whole cents over the tender's expected number of
 * learners (a rational, e.g. 54,020,101 cents / 100 learners = 540,201.01 cents).
 *
 * The hot path orders them with doubles only. A correctly rounded quotient is monotone, so two
 * different doubles are always in the exact order; only equal doubles need an exact look, by
 * cross-multiplication, in doubles while the products stay below 2^53 (every realistic tender)
 * and in BigInt beyond. Medians and quartiles are means of two such prices: rationals on BigInt
 * (`exact.ts`), made a handful of times per route or provider, never per bid, and turned into
 * euros once, at the end.
 */
import type { Rational } from '../exact.js';

export type PerLearnerPrice = {
  readonly priceCents: number;
  readonly learners: number;
};

/**
 * Exact order of two prices per learner: negative, zero or positive.
 * @example comparePerLearner({ priceCents: 100, learners: 3 }, { priceCents: 200, learners: 6 }) // 0
 */
export function comparePerLearner(a: PerLearnerPrice, b: PerLearnerPrice): number {
  const left = a.priceCents * b.learners;
  const right = b.priceCents * a.learners;
  // A product above 2^53 - 1 rounds to a double that is itself above it, so this test is safe.
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left < right ? -1 : left > right ? 1 : 0;
  const exactLeft = BigInt(a.priceCents) * BigInt(b.learners);
  const exactRight = BigInt(b.priceCents) * BigInt(a.learners);
  return exactLeft < exactRight ? -1 : exactLeft > exactRight ? 1 : 0;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

/** `n / d` in lowest terms (d > 0); n may be negative (a lower fence can be). */
export function reduceRational(n: bigint, d: bigint): Rational {
  const divisor = gcd(n, d);
  return { n: n / divisor, d: d / divisor };
}

/** @example perLearnerRational({ priceCents: 28900000, learners: 80 }) // { n: 361250n, d: 1n } */
export function perLearnerRational(price: PerLearnerPrice): Rational {
  return reduceRational(BigInt(price.priceCents), BigInt(price.learners));
}

/** `(a + b) / 2`, exactly. */
export function midpointOf(a: Rational, b: Rational): Rational {
  return reduceRational(a.n * b.d + b.n * a.d, 2n * a.d * b.d);
}

/** Exact order of two rationals (denominators positive). */
export function compareRationals(a: Rational, b: Rational): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The median of prices sorted ascending (indices `start` to `end`, end exclusive): the middle
 * one, or the exact mean of the two middle ones.
 * @example medianOfSorted([{ priceCents: 100, learners: 1 }, { priceCents: 301, learners: 1 }]) // { n: 401n, d: 2n }
 */
export function medianOfSorted(sorted: readonly PerLearnerPrice[], start = 0, end = sorted.length): Rational {
  const count = end - start;
  if (count <= 0) throw new RangeError('the median of no prices is undefined');
  const middle = start + Math.floor(count / 2);
  const upper = perLearnerRational(sorted[middle] as PerLearnerPrice);
  if (count % 2 === 1) return upper;
  return midpointOf(perLearnerRational(sorted[middle - 1] as PerLearnerPrice), upper);
}

/**
 * A price per learner in euros as a double: one correctly rounded division while the
 * operands are exact integers.
 * @example perLearnerEuros({ priceCents: 54020101, learners: 100 }) // 5402.0101
 */
export function perLearnerEuros(price: PerLearnerPrice): number {
  return price.priceCents / (price.learners * 100);
}

/** An exact amount of cents (per learner) in euros as a double. */
export function rationalToEuros(cents: Rational): number {
  const n = Number(cents.n);
  const d = Number(cents.d * 100n);
  // One rounding when both fit a double exactly; else at most a few units in the last place.
  return n / d;
}
