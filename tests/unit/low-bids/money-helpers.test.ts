import { describe, expect, it } from 'vitest';
import { exactShareBelow, medianAbsoluteDeviationOf, medianOf, rational } from '../../../src/domain/exact.js';
import { formatDutchTrimmed, formatEuroRational, rationalCentsToEuros } from '../../../src/domain/money.js';

describe('formatEuroRational', () => {
  it('prints whole cents like formatEuroCents', () => {
    expect(formatEuroRational(rational(406250))).toBe('€\u00a04.062,50');
    expect(formatEuroRational(rational(487500000, 1200))).toBe('€\u00a04.062,50');
  });

  it('rounds half up to the given number of decimals of a euro, dropping zeros beyond two', () => {
    expect(formatEuroRational(rational(320001, 2))).toBe('€\u00a01.600,01');
    expect(formatEuroRational(rational(40624999, 100), 4)).toBe('€\u00a04.062,4999');
    expect(formatEuroRational(rational(1, 100), 4)).toBe('€\u00a00,0001');
    expect(formatEuroRational(rational(45, 2), 4)).toBe('€\u00a00,225');
    expect(formatEuroRational(rational(-45, 2), 4)).toBe('€\u00a0-0,225');
  });
});

describe('formatDutchTrimmed', () => {
  it('drops trailing zeros after the comma only', () => {
    expect(formatDutchTrimmed(0.35)).toBe('0,35');
    expect(formatDutchTrimmed(3.5)).toBe('3,5');
    expect(formatDutchTrimmed(20)).toBe('20');
    expect(formatDutchTrimmed(100)).toBe('100');
    expect(formatDutchTrimmed(1500)).toBe('1.500');
  });
});

describe('exact helpers', () => {
  it('computes the share below from the exact difference', () => {
    expect(exactShareBelow(80, rational(100))).toBe(0.2);
    expect(exactShareBelow(27900, rational(30000))).toBe(0.07);
  });

  it('computes the MAD exactly around a median of halves', () => {
    const values = [60000, 99000, 100000, 100100, 101000, 102000];
    const mad = medianAbsoluteDeviationOf(values, medianOf(values));
    expect(Number(mad.n) / Number(mad.d)).toBe(1000);
  });

  it('converts cents to euros with one division', () => {
    expect(rationalCentsToEuros(rational(320001, 2))).toBe(1600.005);
  });
});
