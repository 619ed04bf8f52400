/**
 * @module
 * Calendar dates as the law counts them: civil dates in Europe/Amsterdam, written
 * `YYYY-MM-DD`. A deadline such as the Alcatel standstill counts calendar days, not
 * periods of 24 hours, so date arithmetic here works on the civil date (year, month, day)
 * with UTC date math, where every day is exactly one day long; daylight-saving changes in
 * Amsterdam cannot shift a result. Only `todayInAmsterdam` looks at an instant, through
 * `Intl.DateTimeFormat` (Node ships full ICU), so no date library is needed.
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export const AMSTERDAM_TIME_ZONE = 'Europe/Amsterdam';

const DUTCH_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Created once: building an Intl formatter is far slower than using one.
const amsterdamDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: AMSTERDAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Year, month (1-12) and day of a valid `YYYY-MM-DD`, or null (also for 2026-02-30). */
function parseIsoDate(date: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(date);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC reads years 0-99 as 1900-1999; setting the year afterwards keeps 0050 as 0050.
  const utc = new Date(Date.UTC(2000, month - 1, day));
  utc.setUTCFullYear(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return { year, month, day };
}

function requireIsoDate(date: string): { year: number; month: number; day: number } {
  const parsed = parseIsoDate(date);
  if (parsed === null) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(date)}`);
  return parsed;
}

/** @example isIsoDate('2026-02-29') // false: 2026 is no leap year */
export function isIsoDate(date: string): boolean {
  return parseIsoDate(date) !== null;
}

/**
 * The calendar date in Europe/Amsterdam at an instant.
 * @example todayInAmsterdam(new Date('2026-06-30T23:59:00Z')) // '2026-07-01' (01:59 CEST)
 */
export function todayInAmsterdam(now: Date | number): IsoDate {
  const time = typeof now === 'number' ? now : now.getTime();
  // Since 1977 Amsterdam is a whole number of hours from UTC (CET, CEST), so its date is the
  // same for every instant of one UTC hour: the regional comparison asks it for a thousand
  // tenders, every page for the time now, and formatting costs microseconds.
  const hour = Math.floor(time / HOUR_MS);
  if (!Number.isFinite(hour) || time < WHOLE_HOUR_OFFSETS_SINCE) return formatAmsterdamDate(time);
  let date = datesByUtcHour.get(hour);
  if (date === undefined) {
    date = formatAmsterdamDate(time);
    if (datesByUtcHour.size >= MAX_REMEMBERED_HOURS) datesByUtcHour.clear();
    datesByUtcHour.set(hour, date);
  }
  return date;
}

const HOUR_MS = 60 * 60 * 1000;
const WHOLE_HOUR_OFFSETS_SINCE = Date.UTC(1977, 0, 1);
const MAX_REMEMBERED_HOURS = 100_000;
const datesByUtcHour = new Map<number, IsoDate>();

function formatAmsterdamDate(time: number): IsoDate {
  // `en-CA` formats as YYYY-MM-DD; the parts are the fallback should a locale's data ever differ.
  const formatted = amsterdamDateFormat.format(time);
  if (ISO_DATE.test(formatted)) return formatted;
  const parts = amsterdamDateFormat.formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * A civil date plus a number of calendar days (negative goes back).
 * @example addCalendarDays('2026-10-24', 20) // '2026-11-13'
 */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number: ${days}`);
  const { year, month, day } = requireIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * A date the way a Dutch letter writes it: day without leading zero, month in lower case.
 * @example formatDutchDate('2026-11-22') // '22 november 2026'
 */
export function formatDutchDate(date: IsoDate): string {
  const { year, month, day } = requireIsoDate(date);
  return `${day} ${DUTCH_MONTHS[month - 1]} ${year}`;
}
