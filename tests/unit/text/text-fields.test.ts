import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findForbiddenCharacter, multiLineText, singleLineText } from '../../../src/domain/text/text-fields.js';

const BIDI_CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('a single line of text', () => {
  const name = singleLineText('de naam', 20);

  it('accepts letters of any script, accents, and the marks U+200E and U+200F', () => {
    for (const value of ['Taalschool Zwolle', 'Ørestad Ő-taal', 'مدرسة\u200fلغة', 'École – “Nieuw”']) expect(messages(name, value)).toEqual([]);
  });

  it('refuses a line break, a tab and every other C0 or C1 control, naming character and position', () => {
    expect(messages(name, 'Taal\nschool')).toEqual(['de naam mag geen regeleinde bevatten (U+000A op positie 5)']);
    expect(messages(name, 'Taal\rschool')).toEqual(['de naam mag geen regeleinde bevatten (U+000D op positie 5)']);
    expect(messages(name, 'Taal\tschool')).toEqual(['de naam mag geen tab bevatten (U+0009 op positie 5)']);
    for (const control of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f']) {
      expect(messages(name, `a${control}b`)).toEqual([expect.stringMatching(/^de naam mag geen stuurteken bevatten \(U\+00[0-9A-F]{2} op positie 2\)$/)]);
    }
  });

  it('refuses the Unicode line and paragraph separators', () => {
    expect(messages(name, 'a\u2028b')).toEqual(['de naam mag geen regel- of alineascheiding bevatten (U+2028 op positie 2)']);
    expect(messages(name, 'a\u2029b')).toEqual(['de naam mag geen regel- of alineascheiding bevatten (U+2029 op positie 2)']);
  });

  it('refuses each bidirectional embedding, override and isolate', () => {
    for (const control of BIDI_CONTROLS) {
      const [message] = messages(name, `ab${control}cd`);
      expect(message).toContain('de naam mag geen richtingsteken bevatten');
      expect(message).toContain(`U+${control.charCodeAt(0).toString(16).toUpperCase()} op positie 3`);
    }
  });

  it('refuses more than its maximum, naming the limit and the length', () => {
    expect(messages(name, 'x'.repeat(20))).toEqual([]);
    expect(messages(name, 'x'.repeat(21))).toEqual(['de naam is te lang: hoogstens 20 tekens (nu 21)']);
    expect(messages(singleLineText('de naam', 10_000), 'x'.repeat(12_345))).toEqual(['de naam is te lang: hoogstens 10.000 tekens (nu 12.345)']);
  });

  it('shows its maximum in the JSON schema (and so in /openapi.json)', () => {
    expect(z.toJSONSchema(name)).toMatchObject({ type: 'string', maxLength: 20 });
  });
});

describe('text of several lines', () => {
  const motivation = multiLineText('de motivering', 100);

  it('keeps line breaks in any convention', () => {
    expect(messages(motivation, 'Eerste regel.\nTweede.\r\nDerde.\rVierde.')).toEqual([]);
  });

  it('refuses a tab, other controls, the separators and bidirectional overrides', () => {
    expect(messages(motivation, 'a\tb')).toEqual(['de motivering mag geen tab bevatten (U+0009 op positie 2)']);
    expect(messages(motivation, 'a\u000bb')).toEqual(['de motivering mag geen stuurteken bevatten (U+000B op positie 2)']);
    expect(messages(motivation, 'a\u2028b')).toHaveLength(1);
    for (const control of BIDI_CONTROLS) expect(messages(motivation, `a\n${control}`)[0]).toContain('richtingsteken');
  });

  it('finds the first forbidden character in one pass, also far into a long text', () => {
    const long = `${'Een zin. '.repeat(100_000)}\u202e`;
    expect(findForbiddenCharacter(long, 'multi-line')).toEqual({ code: 0x202e, position: long.length });
    expect(findForbiddenCharacter('a\nb', 'multi-line')).toBeNull();
    expect(findForbiddenCharacter('a\nb', 'single-line')).toEqual({ code: 0x0a, position: 2 });
  });
});
