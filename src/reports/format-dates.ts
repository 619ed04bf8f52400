/**
 * @module
 * Dates as a Dutch letter writes them. Instants (a seal, a declaration, the signing) are shown
 * in Europe/Amsterdam, the buyer's time, whatever zone the server runs in. A value that is
 * not a date is printed as given: a report must still say what the record holds.
 */

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

// Created once: building an Intl formatter costs far more than using one.
const amsterdam = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** @example formatDate('2027-03-05') // "5 maart 2027" */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return isoDate;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** @example formatInstant('2027-03-05T13:05:00Z') // "5 maart 2027, 14:05" */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(amsterdam.formatToParts(date).map((part) => [part.type, part.value]));
  return `${Number(parts.day)} ${MONTHS[Number(parts.month) - 1] ?? ''} ${parts.year}, ${parts.hour}:${parts.minute}`;
}
