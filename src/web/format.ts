/**
 * @module
 * Dutch formats on the pages, through the domain's own formatters so that a page, a letter
 * and the signed report print the same amount and date the same way: € 1.234,56 and
 * 22 november 2026, days in Europe/Amsterdam.
 */
import { formatDutchDate, isIsoDate, todayInAmsterdam } from '../domain/dates.js';
import { formatDutchNumber, formatDutchTrimmed, formatEuros, formatPercent, formatPercentFixed } from '../domain/money.js';
import { statusName } from '../reports/report-format.js';

export { formatDutchNumber, formatDutchTrimmed, formatEuros, formatPercent, formatPercentFixed, statusName };

/** An instant (ISO timestamp) as its calendar date in Amsterdam; '-' when absent. */
export function formatInstantDate(instant: string | null | undefined): string {
  if (instant === null || instant === undefined) return '-';
  const time = Date.parse(instant);
  return Number.isNaN(time) ? '-' : formatDutchDate(todayInAmsterdam(time));
}

/**
 * Made once: constructing an `Intl.DateTimeFormat` (locale and time-zone data) costs about a
 * hundred times a `format`, and the audit page formats one instant per event.
 */
const AMSTERDAM_CLOCK = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });

/** An instant with its time of day in Amsterdam: "22 november 2026, 14:05". */
export function formatInstantDateTime(instant: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  return `${formatDutchDate(todayInAmsterdam(time))}, ${AMSTERDAM_CLOCK.format(time)}`;
}

/** A calendar date `YYYY-MM-DD`; anything else as it is. */
export function formatIsoDate(date: string | null | undefined): string {
  if (date === null || date === undefined) return '-';
  return isIsoDate(date) ? formatDutchDate(date) : date;
}

/** An optional amount in euros. */
export function formatOptionalEuros(euros: number | null | undefined): string {
  return euros === null || euros === undefined ? '-' : formatEuros(euros);
}

/**
 * A value of the recomputation's difference table (the control page) as a person reads it:
 * numbers the Dutch way to four decimals (the engine's points have two; a difference may lie
 * further down), yes/no, text as it is; only a list or a record stays JSON.
 * @example formatDifferenceValue(81.2345678) // '81,2346'
 * @example formatDifferenceValue(undefined) // '(ontbreekt)'
 */
export function formatDifferenceValue(value: unknown): string {
  if (value === undefined) return '(ontbreekt)';
  if (value === null) return '(leeg)';
  if (typeof value === 'number') return formatDutchTrimmed(value, 4);
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
