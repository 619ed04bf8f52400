/**
 * @module
 * Exact decisions on thresholds. The spec decides a rule written `P <= (1 - t/100) * R`
 * exactly, as `P * 10000 <= (10000 - t_bp) * R` on integers, so that a bid exactly at a
 * threshold is flagged on every machine (floating point would make "exactly at" a coin toss).
 * References that are means or medians are rationals; we keep them as numerator/denominator.
 */

/** A non-negative rational number `n / d` with `d > 0`, on BigInt. */
export type Rational = { readonly n: bigint; readonly d: bigint };

export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  const nb = BigInt(n);
  const db = BigInt(d);
  if (db <= 0n) throw new RangeError('denominator must be positive');
  return { n: nb, d: db };
}

export function rationalToNumber(r: Rational): number {
  return Number(r.n) / Number(r.d);
}

/** Mean of integer values as an exact rational. */
export function meanOf(values: readonly number[]): Rational {
  const sum = values.reduce((acc, v) => acc + BigInt(v), 0n);
  return rational(sum, values.length);
}

/** Median of integer values as an exact rational: for an even count the mean of the two middle values. */
export function medianOf(values: readonly number[]): Rational {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return rational(sorted[mid] ?? 0);
  return rational(BigInt(sorted[mid - 1] ?? 0) + BigInt(sorted[mid] ?? 0), 2);
}

/** A percentage threshold (at most two decimals, 0 < t < 100) in basis points. */
export function toBasisPoints(threshold: number): bigint {
  return BigInt(Math.round(threshold * 100));
}

/**
 * True when `price <= (1 - t/100) * reference`, decided on integers.
 * @example isAtOrBelowThreshold(80, rational(100), toBasisPoints(20)) // true: exactly at it
 */
export function isAtOrBelowThreshold(price: number, reference: Rational, thresholdBp: bigint): boolean {
  // Doubles decide when the two sides are clearly apart (their relative error is ~1e-16);
  // only a near-equality, where "exactly at the threshold" matters, needs BigInt.
  const left = price * 10000 * Number(reference.d);
  const right = Number(10000n - thresholdBp) * Number(reference.n);
  if (Math.abs(left - right) > 1e-9 * Math.max(Math.abs(left), Math.abs(right))) return left < right;
  return BigInt(price) * 10000n * reference.d <= (10000n - thresholdBp) * reference.n;
}

/** `(reference - price) / reference` as a double, for the flag's `value`. */
export function shareBelow(price: number, reference: Rational): number {
  const ref = rationalToNumber(reference);
  return (ref - price) / ref;
}

/**
 * `(reference - price) / reference` as a double from the exact difference, so that a bid
 * exactly at 20 % below gives 0.2 and not 0.19999999999999996.
 * @example exactShareBelow(80, rational(100)) // 0.2
 */
export function exactShareBelow(price: number | bigint, reference: Rational): number {
  return Number(reference.n - BigInt(price) * reference.d) / Number(reference.n);
}

/**
 * Median absolute deviation `median(|v - median|)` of integer values, exactly. The median has
 * denominator 1 or 2, so the deviations are whole numbers of halves.
 * @example medianAbsoluteDeviationOf([1, 2, 3, 4, 100], rational(3)) // 1
 */
export function medianAbsoluteDeviationOf(values: readonly number[], median: Rational): Rational {
  const scaledDeviations = values.map((v) => {
    const deviation = BigInt(v) * median.d - median.n;
    return Number(deviation < 0n ? -deviation : deviation);
  });
  const mad = medianOf(scaledDeviations);
  return rational(mad.n, mad.d * median.d);
}
