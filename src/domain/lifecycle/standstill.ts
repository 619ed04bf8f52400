/**
 * @module
 * The Alcatel standstill period (opschortende termijn, Aanbestedingswet art. 2.127): after the
 * award decision the contract may not be concluded for 20 calendar days.
 *
 * Method: take the calendar date of the decision in Europe/Amsterdam (day 0), add 20
 * calendar days on the civil date: that is `standstillEndsOn`, the last day of the period.
 * The award is allowed from the next calendar day, by the clock in Amsterdam. The arithmetic
 * is on the date, never 20 x 24 hours on the instant: across the end of summer time the
 * period is 481 hours long, across its start 479, and a decision at 23:30 would otherwise
 * land on the wrong day. A decision at 23:59 UTC is already the next day in Amsterdam and
 * counts from that day.
 *
 * Not applied: the Algemene termijnenwet, which extends some statutory periods ending on a
 * Saturday, Sunday or public holiday to the next working day. Issue 5 fixes "20 calendar days";
 * whether and how the buyer extends the period is a legal choice to make explicit here if
 * needed, not to guess.
 *
 * Example: decision on 24 October 2026 at 23:30 (CEST): the standstill ends on 13 November
 * 2026 and the award is allowed from 14 November 2026.
 */
import { addCalendarDays, formatDutchDate, type IsoDate, isIsoDate, todayInAmsterdam } from '../dates.js';

export const STANDSTILL_CALENDAR_DAYS = 20;

function requireDate(date: IsoDate): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(date)}`);
  return date;
}

/**
 * The last day of the standstill, as a date in Europe/Amsterdam.
 * @example computeStandstillEnd(new Date('2026-10-24T21:30:00Z')) // '2026-11-13'
 */
export function computeStandstillEnd(decidedAt: Date | number): IsoDate {
  return addCalendarDays(todayInAmsterdam(decidedAt), STANDSTILL_CALENDAR_DAYS);
}

/** @example awardAllowedOn('2026-11-13') // '2026-11-14' */
export function awardAllowedOn(standstillEndsOn: IsoDate): IsoDate {
  return addCalendarDays(requireDate(standstillEndsOn), 1);
}

/**
 * True once the standstill's last day has passed in Amsterdam.
 * @example isAwardAllowed(new Date('2026-11-13T23:00:00Z'), '2026-11-13') // true: 00:00 on 14 November (CET)
 */
export function isAwardAllowed(now: Date | number, standstillEndsOn: IsoDate): boolean {
  // YYYY-MM-DD strings order like the dates they name.
  return todayInAmsterdam(now) > requireDate(standstillEndsOn);
}

/**
 * The refusal for `POST .../award` during the standstill, in Dutch (the API answers 409).
 * @example checkAwardAllowed(new Date('2026-11-10T12:00:00Z'), '2026-11-13')
 * // { ok: false, message: 'De opschortende termijn loopt tot en met 13 november 2026; definitief gunnen kan vanaf 14 november 2026.' }
 */
export function checkAwardAllowed(now: Date | number, standstillEndsOn: IsoDate): { ok: true } | { ok: false; message: string } {
  if (isAwardAllowed(now, standstillEndsOn)) return { ok: true };
  return {
    ok: false,
    message: `De opschortende termijn loopt tot en met ${formatDutchDate(standstillEndsOn)}; definitief gunnen kan vanaf ${formatDutchDate(awardAllowedOn(standstillEndsOn))}.`,
  };
}
