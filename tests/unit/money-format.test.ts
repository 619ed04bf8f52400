/**
 * The money format (issue 16): amounts as Dutch officials write them, `€ 1.234,56`, the euro
 * sign followed by a non-breaking space so that the sign never wraps away from the digits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoneyText } from '../../src/domain/amount-text.js';
import { EURO_PREFIX, formatEuroCents, formatEuroRational, formatEuros, formatMoneyText, formatPercentFixed } from '../../src/domain/money.js';

const NBSP = '\u00a0';

describe('the money format', () => {
  it('writes the euro sign, a non-breaking space, dots between thousands and a decimal comma', () => {
    expect(EURO_PREFIX).toBe(`€${NBSP}`);
    expect(formatEuros(1234.56)).toBe(`€${NBSP}1.234,56`);
    expect(formatEuros(1600)).toBe(`€${NBSP}1.600,00`);
    expect(formatEuros(0.01)).toBe(`€${NBSP}0,01`);
    expect(formatEuros(289000)).toBe(`€${NBSP}289.000,00`);
    expect(formatEuros(1e11)).toBe(`€${NBSP}100.000.000.000,00`);
    expect(formatEuroCents(123456)).toBe(`€${NBSP}1.234,56`);
    expect(formatEuroCents(5)).toBe(`€${NBSP}0,05`);
  });

  it('never writes "EUR" or a breaking space in an amount', () => {
    for (const text of [formatEuros(452000), formatEuroCents(99), formatEuroRational({ n: 40624999n, d: 100n }, 4)]) {
      expect(text).not.toMatch(/EUR| /);
      expect(text.startsWith(EURO_PREFIX)).toBe(true);
    }
  });

  it('puts a minus between the sign and the digits, as the nl-NL locale does, and no minus on zero', () => {
    expect(formatEuros(-1234.56)).toBe(`€${NBSP}-1.234,56`);
    expect(formatEuroCents(-0.4)).toBe(`€${NBSP}0,00`);
    expect(formatEuroRational({ n: -45n, d: 2n }, 4)).toBe(`€${NBSP}-0,225`);
    expect(formatMoneyText(true, '7,00')).toBe(`€${NBSP}-7,00`);
  });

  it('agrees with Intl nl-NL currency formatting for whole-cent amounts', () => {
    const intl = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        expect(formatEuroCents(cents)).toBe(intl.format(cents / 100 || 0).replace(/\s/u, NBSP));
      }),
    );
  });

  it('prints amounts that are not whole cents with more decimals rather than rounding them away', () => {
    expect(formatEuroRational({ n: 40624999n, d: 100n }, 4)).toBe(`€${NBSP}4.062,4999`);
  });

  it('reads back what it writes (a person may paste a printed amount into a form)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e13 }), (cents) => {
        expect(parseMoneyText(formatEuroCents(cents))).toEqual({ ok: true, value: cents / 100 });
      }),
    );
  });
});

describe('a percentage with a fixed number of decimals', () => {
  it('keeps the trailing zero, so a column lines up, and rounds the rest', () => {
    expect(formatPercentFixed(0.7, 1)).toBe('70,0%');
    expect(formatPercentFixed(0.3125, 1)).toBe('31,3%');
    expect(formatPercentFixed(1, 1)).toBe('100,0%');
    expect(formatPercentFixed(0.000_4, 1)).toBe('0,0%');
    expect(formatPercentFixed(0.123_45, 2)).toBe('12,35%');
  });
});
