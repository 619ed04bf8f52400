/**
 * Amounts typed by a person (src/domain/amount-text.ts): Dutch and plain notation read
 * unambiguously, and what could be read two ways refused with a message that says how to
 * write it. Examples first, then properties over every amount of money.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNT, MONEY, parseAmountText, parseCountText, parseMoneyText } from '../../src/domain/amount-text.js';
import { formatDutchNumber } from '../../src/domain/money.js';

const value = (text: string) => {
  const read = parseMoneyText(text);
  return read.ok ? read.value : `refused: ${read.message}`;
};

describe('parseMoneyText: examples', () => {
  it.each([
    ['400.000', 400000],
    ['400.000,50', 400000.5],
    ['400000.50', 400000.5],
    ['400000,50', 400000.5],
    ['400.5', 400.5],
    ['400.50', 400.5],
    ['1.234.567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['EUR 1.234,56', 1234.56],
    ['€1.234', 1234],
    ['eur 12', 12],
    ['400 000', 400000],
    ['400\u00a0000,50', 400000.5],
    ['400 000.50', 400000.5],
    ['  565000  ', 565000],
    ['0,5', 0.5],
    ['0.50', 0.5],
    ['1234.5', 1234.5],
    ['999', 999],
  ])('reads %s as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('refuses 400,000 as ambiguous and says how to write either reading', () => {
    expect(parseMoneyText('400,000')).toEqual({
      ok: false,
      message:
        '"400,000" is dubbelzinnig: drie cijfers na de komma kunnen duizendtallen zijn of decimalen. Schrijf 400.000 of 400000 voor duizendtallen, of 400,00 met decimalen.',
    });
  });

  it('refuses dots that do not group by three', () => {
    expect(parseMoneyText('1.234.5')).toEqual({
      ok: false,
      message: '"1.234.5": de punten staan niet om de drie cijfers. Schrijf bijvoorbeeld 400.000, 400.000,50 of 400000.50.',
    });
    expect(value('12.34.567')).toMatch(/^refused: "12.34.567": de punten staan niet om de drie cijfers/);
  });

  it('refuses English grouping with commas, naming the Dutch and the plain form', () => {
    expect(value('1,234.56')).toBe(
      'refused: "1,234.56": na de komma mogen alleen cijfers staan. Schrijf een bedrag op z\'n Nederlands (1.234,56) of zonder scheidingstekens (1234.56).',
    );
    expect(value('1,234,567')).toMatch(/^refused: "1,234,567" heeft meer dan één komma/);
  });

  it('refuses more than two decimals, a sign, letters and nothing', () => {
    expect(value('400.1234')).toBe('refused: "400.1234" heeft 4 decimalen; een bedrag heeft er hoogstens 2.');
    expect(value('1.234,567')).toBe('refused: "1.234,567" heeft 3 decimalen; een bedrag heeft er hoogstens 2.');
    // Not ambiguous: no English thousands start with 0.
    expect(value('0,125')).toBe('refused: "0,125" heeft 3 decimalen; een bedrag heeft er hoogstens 2.');
    expect(value('0.125')).toBe('refused: "0.125" heeft 3 decimalen; een bedrag heeft er hoogstens 2.');
    expect(value('-400')).toBe('refused: "-400": een bedrag kan niet negatief zijn.');
    expect(value('4OO')).toMatch(/^refused: "4OO" is geen bedrag: gebruik alleen cijfers, punten en een komma/);
    expect(value('400.')).toMatch(/^refused: "400." is geen bedrag/);
    expect(value('')).toBe('refused: Vul een bedrag in, bijvoorbeeld 400.000, 400.000,50 of 400000.50.');
    expect(value('400 00')).toMatch(/^refused: "400 00": de spaties staan niet om de drie cijfers/);
    expect(value('4.00.000,5')).toMatch(/^refused: "4.00.000,5": de scheidingstekens voor de komma staan niet om de drie cijfers/);
    expect(value(`1${'0'.repeat(400)}`)).toMatch(/is te groot voor een bedrag\.$/);
  });
});

describe('parseCountText: whole numbers with the same grouping', () => {
  it('reads 1.200 as twelve hundred and refuses decimals and the ambiguous comma', () => {
    expect(parseCountText('1.200')).toEqual({ ok: true, value: 1200 });
    expect(parseCountText('80')).toEqual({ ok: true, value: 80 });
    expect(parseCountText('1.5')).toEqual({ ok: false, message: '"1.5" is geen geheel getal; een aantal heeft geen decimalen.' });
    expect(parseCountText('1,500')).toEqual({
      ok: false,
      message: '"1,500" is dubbelzinnig: drie cijfers na de komma kunnen duizendtallen zijn of decimalen. Schrijf 1.500 of 1500.',
    });
    expect(parseCountText('EUR 5').ok).toBe(false);
  });
});

/** Every amount of money the dossier allows, in cents: 0,01 to 10^11 euros. */
const cents = fc.oneof(fc.integer({ min: 1, max: 100_000_00 }), fc.integer({ min: 1, max: Number(10n ** 13n) }));
const euros = cents.map((c) => c / 100);

describe('parseMoneyText: properties', () => {
  it('reads the Dutch notation back exactly, with or without thousands dots, with or without cents', () => {
    fc.assert(
      fc.property(euros, (amount) => {
        const dutch = formatDutchNumber(amount, 2);
        expect(parseMoneyText(dutch)).toEqual({ ok: true, value: amount });
        expect(parseMoneyText(`EUR ${dutch}`)).toEqual({ ok: true, value: amount });
        expect(parseMoneyText(dutch.replace(/\./g, ''))).toEqual({ ok: true, value: amount });
        expect(parseMoneyText(dutch.replace(/\./g, ' '))).toEqual({ ok: true, value: amount });
      }),
    );
  });

  it('reads the plain notation back exactly', () => {
    fc.assert(
      fc.property(euros, (amount) => {
        expect(parseMoneyText(amount.toFixed(2))).toEqual({ ok: true, value: amount });
        // One decimal or none: never three digits after the point, so never taken for thousands.
        if (Number.isInteger(amount * 10)) expect(parseMoneyText(String(amount))).toEqual({ ok: true, value: amount });
      }),
    );
  });

  it('reads whole euros grouped the Dutch way as thousands, never as decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 10 ** 11 }), (whole) => {
        expect(parseMoneyText(formatDutchNumber(whole, 0))).toEqual({ ok: true, value: whole });
      }),
    );
  });

  it('never reads English thousands as a different amount: they are refused or mean the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 10 ** 11 }), fc.boolean(), (whole, withCents) => {
        const english = whole.toLocaleString('en-US') + (withCents ? '.25' : '');
        const read = parseMoneyText(english);
        expect(read.ok).toBe(false);
      }),
    );
  });

  it('answers at most two decimals and a positive finite value whenever it accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(EUR )?[0-9., ]{1,16}$/), (text) => {
        const read = parseMoneyText(text);
        if (!read.ok) return;
        expect(Number.isFinite(read.value)).toBe(true);
        expect(read.value).toBeGreaterThanOrEqual(0);
        expect(Math.abs(read.value * 100 - Math.round(read.value * 100))).toBeLessThan(1e-6 * Math.max(1, read.value));
        // What was accepted means the same written out again in Dutch.
        expect(parseMoneyText(formatDutchNumber(read.value, 2))).toEqual(read);
      }),
    );
  });

  it('refuses every single comma followed by exactly three digits after a possible English first group', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), (head, tail) => {
        const text = `${head},${String(tail).padStart(3, '0')}`;
        const read = parseMoneyText(text);
        expect(read.ok).toBe(false);
        if (!read.ok) expect(read.message).toContain('dubbelzinnig');
      }),
    );
  });

  it('refuses the same texts whatever the kind says of decimals, when they are not grouped by three', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9 }), (a, b, c) => {
        // `a.bb.c`: dots that group by neither three nor one decimal point.
        const text = `${a}.${String(b).padStart(2, '0')}.${c}`;
        expect(parseAmountText(text, MONEY).ok).toBe(false);
        expect(parseAmountText(text, COUNT).ok).toBe(false);
      }),
    );
  });
});
