/**
 * @module
 * Money as integer cents. The dossier carries euros as JSON numbers with at most two
 * decimals (spec "Numbers"); inside, every amount is whole cents so that sums are exact.
 * 10^11 euros is 10^13 cents, well inside the 2^53 of a double, so cents fit a `number`;
 * products of cents with basis points do not, and are compared as BigInt (see exact.ts).
 */

export const MIN_MONEY_EUROS = 0.01;
export const MAX_MONEY_EUROS = 1e11;

/**
 * True when `x` has at most two decimals. The spec's test is `|100x - round(100x)| < 1e-6`;
 * above about EUR 10^8 a double cannot hold `100x` that closely (its spacing there is about
 * 2e-6), so valid amounts such as 134217728.48 would fail it. We widen the tolerance to a few
 * units in the last place of `100x`, which still rejects any third decimal (docs/decisions.md).
 */
export function hasAtMostTwoDecimals(x: number): boolean {
  if (!Number.isFinite(x)) return false;
  const hundred = 100 * x;
  const tolerance = Math.max(1e-6, Math.abs(hundred) * Number.EPSILON * 4);
  return Math.abs(hundred - Math.round(hundred)) < tolerance;
}

/** True when `x` is a valid amount of money in euros: two decimals, 0.01 to 10^11. */
export function isMoneyEuros(x: number): boolean {
  return hasAtMostTwoDecimals(x) && x >= MIN_MONEY_EUROS && x <= MAX_MONEY_EUROS;
}

/**
 * @example eurosToCents(1234.56) // 123456
 */
export function eurosToCents(euros: number): number {
  return Math.round(euros * 100);
}

export function centsToEuros(cents: number): number {
  return cents / 100;
}

/** Hundredths of a number given with at most two decimals (quantities, percentages). */
export function toHundredths(x: number): number {
  return Math.round(x * 100);
}

/**
 * Dutch number format with a fixed number of decimals: thousands with a dot, decimals with a comma.
 * @example formatDutchNumber(1234.5, 2) // "1.234,50"
 */
export function formatDutchNumber(x: number, decimals = 2): string {
  const negative = x < 0;
  const fixed = Math.abs(x).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
}

/**
 * The euro sign and the non-breaking space that Dutch officials put before an amount: the
 * amount never wraps away from its sign ("€ 1.234,56"). A minus sits between the sign and the
 * digits ("€ -1.234,56"), as the nl-NL locale of Intl writes it (docs/pages.md, "Money").
 */
export const EURO_PREFIX = '\u20ac\u00a0';

/**
 * THE money format: every amount a person reads (pages, reports, letters, the CLI table,
 * thresholds and fences) goes through here, so it reads the same everywhere.
 * `digits` is the amount without sign, already grouped Dutch style ("1.234,56").
 * @example formatMoneyText(false, '1.234,56') // "€ 1.234,56" (with a non-breaking space)
 */
export function formatMoneyText(negative: boolean, digits: string): string {
  return `${EURO_PREFIX}${negative ? '-' : ''}${digits}`;
}

/** @example formatEuroCents(160000) // "€ 1.600,00" */
export function formatEuroCents(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fraction = (abs % 100).toString().padStart(2, '0');
  return formatMoneyText(negative && abs !== 0, `${whole},${fraction}`);
}

/** @example formatEuros(1600) // "€ 1.600,00" */
export function formatEuros(euros: number): string {
  if (hasAtMostTwoDecimals(euros)) return formatEuroCents(eurosToCents(euros));
  return formatMoneyText(euros < 0, formatDutchNumber(Math.abs(euros), 2));
}

/** A share (0.3125) as a Dutch percentage without trailing zeros: "31,25%". */
export function formatPercent(share: number, maxDecimals = 2): string {
  const rounded = Number((share * 100).toFixed(maxDecimals));
  const text = formatDutchNumber(rounded, maxDecimals).replace(/,?0+$/, '');
  return `${text}%`;
}

/**
 * A share as a Dutch percentage with a fixed number of decimals, for a column where every
 * row must line up: "31,3%" and "70,0%", not "31,25%" and "70%".
 * @example formatPercentFixed(0.3125, 1) // "31,3%"
 */
export function formatPercentFixed(share: number, decimals: number): string {
  return `${formatDutchNumber(share * 100, decimals)}%`;
}

/** An exact amount in cents (a rational, see exact.ts) as euros in a double. */
export function rationalCentsToEuros(cents: { readonly n: bigint; readonly d: bigint }): number {
  return Number(cents.n) / Number(cents.d * 100n);
}

/**
 * A number in Dutch format with at most `maxDecimals` decimals and no trailing zeros.
 * @example formatDutchTrimmed(0.35) // "0,35"
 * @example formatDutchTrimmed(3.5) // "3,5"
 * @example formatDutchTrimmed(20) // "20"
 */
export function formatDutchTrimmed(x: number, maxDecimals = 2): string {
  const text = formatDutchNumber(x, maxDecimals);
  return text.includes(',') ? text.replace(/0+$/, '').replace(/,$/, '') : text;
}

/**
 * An exact amount in cents (numerator/denominator) in Dutch euros: whole cents print as
 * `formatEuroCents` does; otherwise rounded half up to `maxDecimals` decimals of a euro
 * (at least 2, trailing zeros beyond 2 dropped), so a price per learner of 406.249,99 / 100
 * prints as "€ 4.062,4999" instead of a misleading "€ 4.062,50".
 * @example formatEuroRational({ n: 40624999n, d: 100n }, 4) // "€ 4.062,4999"
 */
export function formatEuroRational(cents: { readonly n: bigint; readonly d: bigint }, maxDecimals = 2): string {
  if (cents.n % cents.d === 0n) return formatEuroCents(Number(cents.n / cents.d));
  const decimals = Math.max(2, maxDecimals);
  const negative = cents.n < 0n;
  const abs = negative ? -cents.n : cents.n;
  const scale = 10n ** BigInt(decimals - 2);
  const scaled = (2n * abs * scale + cents.d) / (2n * cents.d);
  const unit = 10n ** BigInt(decimals);
  const whole = (scaled / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fraction = (scaled % unit)
    .toString()
    .padStart(decimals, '0')
    .replace(/(?<=\d{2})0+$/, '');
  return formatMoneyText(negative && scaled !== 0n, `${whole},${fraction}`);
}
