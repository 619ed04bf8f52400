/**
 * The patterns the OpenAPI document publishes say exactly what the server checks: the text
 * pattern of a kind accepts a string precisely when it holds no forbidden character (and, for
 * the non-blank form, something besides the white space `trim` removes); every e-mail address
 * the server's pattern accepts is one that JSON Schema's `email` format accepts too, so the
 * schema (pattern and format together) and the server judge an address alike.
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../src/domain/evaluation/dossier.schema.js';
import { isIsoDate } from '../../../src/domain/dates.js';
import { EMAIL_PATTERN, emailAddress, findForbiddenCharacter, nonBlankLine, textPattern, type TextKind } from '../../../src/domain/text/text-fields.js';
import { oddString } from '../../fuzz/odd-strings.js';

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsPlugin.default;
const ajv = new Ajv2020({ strict: false });
addFormats(ajv);

/** Characters around the edges of the rules: white space of every kind, controls, separators, bidi. */
const edgy = fc.constantFrom(
  ' ',
  '\t',
  '\n',
  '\r',
  '\u000b',
  '\u000c',
  '\u0085',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u200a',
  '\u200b',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202e',
  '\u202f',
  '\u205f',
  '\u2066',
  '\u2069',
  '\u3000',
  '\ufeff',
  '\u200e',
  '\u007f',
  '\u009f',
  'a',
  'é',
  '😀',
);
const texts = fc.oneof(
  oddString,
  fc.array(edgy, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

describe('the text patterns', () => {
  for (const kind of ['single-line', 'multi-line'] as TextKind[]) {
    it(`${kind}: the pattern accepts exactly the text without a forbidden character`, () => {
      fc.assert(
        fc.property(texts, (text) => textPattern(kind, false).test(text) === (findForbiddenCharacter(text, kind) === null)),
        { numRuns: 2000 },
      );
    });

    it(`${kind}: the non-blank pattern also wants something besides white space`, () => {
      fc.assert(
        fc.property(texts, (text) => textPattern(kind, true).test(text) === (findForbiddenCharacter(text, kind) === null && text.trim() !== '')),
        { numRuns: 2000 },
      );
    });
  }

  it('are what the document publishes, so a name of spaces is refused by the schema and by zod alike', () => {
    const name = nonBlankLine('de naam', 200);
    expect(name.safeParse(' \u3000\ufeff').error?.issues[0]?.message).toBe('mag niet leeg zijn');
    expect(name.safeParse(' Taalhuis ').success).toBe(true);
    expect(name.safeParse('Taal\nhuis').error?.issues[0]?.message).toBe('de naam mag geen regeleinde bevatten (U+000A op positie 5)');
  });
});

describe('the e-mail pattern', () => {
  const format = ajv.compile({ type: 'string', format: 'email' });
  const schema = emailAddress();

  it('accepts only addresses that the email format accepts too', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), texts), (text) => !EMAIL_PATTERN.test(text) || format(text)),
      { numRuns: 3000 },
    );
  });

  it('accepts ordinary addresses and refuses what the format refuses or the server never stored', () => {
    for (const ok of ['inkoper@zwolle.demo', "o'brien@gemeente-almere.nl", 'a.b+c@sub.domein.nl'])
      expect([ok, schema.safeParse(ok).success]).toEqual([ok, true]);
    // zod's own e-mail check took `x@a-.nl`, which the email format refuses.
    for (const bad of ['x@a-.nl', 'x@-a.nl', 'x..y@a.nl', '.x@a.nl', 'x@a', 'x@[127.0.0.1]', '"x y"@a.nl', 'x@ä.nl']) {
      expect([bad, schema.safeParse(bad).success]).toEqual([bad, false]);
    }
  });
});

describe('the date pattern', () => {
  it('accepts exactly the real calendar days, leap years and years 0000-0099 included', () => {
    const days = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(days, (day) => isoDate.safeParse(day).success === isIsoDate(day)),
      { numRuns: 5000 },
    );
    expect(['2024-02-29', '2000-02-29', '0050-01-31'].map((d) => isoDate.safeParse(d).success)).toEqual([true, true, true]);
    expect(['2026-02-29', '1900-02-29', '2026-1-01', '٢٠٢٦-٠١-٠١'].map((d) => isoDate.safeParse(d).success)).toEqual([false, false, false, false]);
  });
});
