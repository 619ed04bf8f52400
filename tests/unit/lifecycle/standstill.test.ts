import { describe, expect, it } from 'vitest';
import { awardAllowedOn, checkAwardAllowed, computeStandstillEnd, isAwardAllowed, STANDSTILL_CALENDAR_DAYS } from '../../../src/domain/lifecycle/standstill.js';

describe('computeStandstillEnd', () => {
  it('counts 20 calendar days from a decision at 23:30 CEST, across the end of summer time', () => {
    // 24 October 2026 23:30 CEST = 21:30 UTC; clocks go back on 25 October.
    const decidedAt = new Date('2026-10-24T21:30:00Z');
    expect(STANDSTILL_CALENDAR_DAYS).toBe(20);
    expect(computeStandstillEnd(decidedAt)).toBe('2026-11-13');
    expect(awardAllowedOn('2026-11-13')).toBe('2026-11-14');
  });

  it('counts from the Amsterdam date for a decision at 00:30 on the day summer time starts', () => {
    // 29 March 2026 00:30 CET = 28 March 23:30 UTC: the UTC date would be a day early.
    const decidedAt = new Date('2026-03-28T23:30:00Z');
    expect(computeStandstillEnd(decidedAt)).toBe('2026-04-18');
    expect(awardAllowedOn(computeStandstillEnd(decidedAt))).toBe('2026-04-19');
  });

  it('counts from the next day when 23:59 UTC is already past midnight in Amsterdam', () => {
    // 30 June 2026 23:59 UTC = 1 July 01:59 CEST.
    expect(computeStandstillEnd(new Date('2026-06-30T23:59:00Z'))).toBe('2026-07-21');
    expect(computeStandstillEnd(Date.parse('2026-06-30T23:59:00Z'))).toBe('2026-07-21');
  });

  it('does not add 20 x 24 hours to the instant', () => {
    // 28 March 2026 23:30 CET; 480 hours later it is 18 April 00:30 CEST (an hour is lost on
    // 29 March), but the standstill ends on 28 March + 20 days = 17 April.
    const decidedAt = new Date('2026-03-28T22:30:00Z');
    expect(computeStandstillEnd(decidedAt)).toBe('2026-04-17');
  });
});

describe('isAwardAllowed', () => {
  it('refuses on the last day of the standstill until midnight in Amsterdam (CET)', () => {
    expect(isAwardAllowed(new Date('2026-11-13T22:59:59Z'), '2026-11-13')).toBe(false); // 23:59:59 CET
    expect(isAwardAllowed(new Date('2026-11-13T23:00:00Z'), '2026-11-13')).toBe(true); // 00:00 on the 14th
  });

  it('switches at midnight CEST in summer', () => {
    expect(isAwardAllowed(new Date('2026-07-21T21:59:59Z'), '2026-07-21')).toBe(false);
    expect(isAwardAllowed(new Date('2026-07-21T22:00:00Z'), '2026-07-21')).toBe(true);
  });

  it('refuses before the decision date and allows long after', () => {
    expect(isAwardAllowed(new Date('2026-10-30T12:00:00Z'), '2026-11-13')).toBe(false);
    expect(isAwardAllowed(new Date('2027-02-01T12:00:00Z'), '2026-11-13')).toBe(true);
  });

  it('refuses a standstill end that is not a date', () => {
    expect(() => isAwardAllowed(new Date(), '13-11-2026')).toThrow(RangeError);
  });
});

describe('checkAwardAllowed', () => {
  it('explains in Dutch until when the standstill runs', () => {
    expect(checkAwardAllowed(new Date('2026-11-10T12:00:00Z'), '2026-11-13')).toEqual({
      ok: false,
      message: 'De opschortende termijn loopt tot en met 13 november 2026; definitief gunnen kan vanaf 14 november 2026.',
    });
    expect(checkAwardAllowed(new Date('2026-11-14T08:00:00Z'), '2026-11-13')).toEqual({ ok: true });
  });
});
