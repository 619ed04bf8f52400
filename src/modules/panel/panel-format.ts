/**
 * @module
 * Instants in refusals as a Dutch reader expects them: the calendar date in Amsterdam.
 */
import { formatDutchDate, todayInAmsterdam } from '../../domain/dates.js';

/** @example formatInstantNl('2026-10-24T21:30:00.000Z') // '24 oktober 2026' */
export function formatInstantNl(instant: string | null | undefined): string {
  if (instant === null || instant === undefined) return 'een onbekende datum';
  const time = Date.parse(instant);
  return Number.isNaN(time) ? 'een onbekende datum' : formatDutchDate(todayInAmsterdam(time));
}
