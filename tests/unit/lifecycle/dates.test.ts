import { describe, expect, it } from 'vitest';
import { addCalendarDays, formatDutchDate, isIsoDate, todayInAmsterdam } from '../../../src/domain/dates.js';

describe('formatDutchDate', () => {
  it('writes the day without a leading zero and the month in lower case', () => {
    expect(formatDutchDate('2026-11-22')).toBe('22 november 2026');
    expect(formatDutchDate('2026-03-01')).toBe('1 maart 2026');
    expect(formatDutchDate('2027-01-09')).toBe('9 januari 2027');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => formatDutchDate('2026-02-29')).toThrow(RangeError);
    expect(() => formatDutchDate('22-11-2026')).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it('knows leap years', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
  });
});

describe('todayInAmsterdam', () => {
  it('is the Amsterdam date, which runs ahead of UTC', () => {
    expect(todayInAmsterdam(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30'); // 23:59 CEST
    expect(todayInAmsterdam(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01'); // 00:00 CEST
    expect(todayInAmsterdam(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31'); // 23:59:59 CET
    expect(todayInAmsterdam(Date.parse('2026-12-31T23:00:00Z'))).toBe('2027-01-01'); // 00:00 CET, as epoch ms
  });

  it('agrees with the time-zone database at every quarter hour around the summer-time changes, asked twice (the answers are remembered per UTC hour)', () => {
    const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
    const expected = (time: number) => {
      const parts = reference.formatToParts(time);
      const part = (type: string) => parts.find((p) => p.type === type)?.value;
      return `${part('year')}-${part('month')}-${part('day')}`;
    };
    const days = ['2026-03-28', '2026-03-29', '2026-10-24', '2026-10-25', '1985-03-31', '2040-10-28'];
    for (const day of days) {
      for (let quarter = -8; quarter < 104; quarter += 1) {
        const time = Date.parse(`${day}T00:00:00Z`) + quarter * 15 * 60_000 + 7_000;
        expect(todayInAmsterdam(time)).toBe(expected(time));
        expect(todayInAmsterdam(new Date(time))).toBe(expected(time));
      }
    }
    // Before 1977 (other offsets than whole hours once) it is formatted every time.
    expect(todayInAmsterdam(Date.parse('1930-06-30T23:50:00Z'))).toBe(expected(Date.parse('1930-06-30T23:50:00Z')));
  });
});

describe('addCalendarDays', () => {
  it('crosses months, years and leap days on the civil date', () => {
    expect(addCalendarDays('2026-12-20', 20)).toBe('2027-01-09');
    expect(addCalendarDays('2028-02-15', 20)).toBe('2028-03-06'); // 29 February exists
    expect(addCalendarDays('2027-02-15', 20)).toBe('2027-03-07');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('refuses a fraction of a day', () => {
    expect(() => addCalendarDays('2026-03-01', 0.5)).toThrow(RangeError);
  });
});
