/**
 * @module
 * Strings that break naive code: combining marks, right-to-left text and overrides, NUL,
 * lone surrogates, emoji sequences, zero-width and line-separator characters, injection
 * look-alikes, and very long strings (well under the body limit, so they reach validation).
 */
import fc from 'fast-check';

export const ODD_FRAGMENTS = [
  'e\u0301\u0301\u0301\u0301', // combining acute accents
  'Z\u0351\u0362\u0334\u0358', // "zalgo"
  '\u202Egnalretsma\u202C', // right-to-left override
  'مرحبا بالعالم', // Arabic (RTL)
  'שלום', // Hebrew (RTL)
  '\u200F\u200E', // RTL and LTR marks
  '\u0000', // NUL
  'a\u0000b',
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\uDBFF\uDFFF', // the last code point, as a pair
  '👩🏽‍⚕️', // emoji with skin tone and ZWJ
  '🏳️‍🌈',
  '\u200B\u200C\u200D', // zero-width characters
  '\uFEFF', // byte order mark
  '\u2028\u2029', // line and paragraph separators
  '\u00A0\u3000', // non-breaking and ideographic spaces
  '\uFFFE\uFFFF', // noncharacters
  'İıßẞǅ', // case-mapping oddities
  '𝕳𝖊𝖑𝖑𝖔', // mathematical alphanumerics
  "'; DROP TABLE tenders; --",
  '" OR 1=1 --',
  '../../../etc/passwd',
  '%00%2e%2e%2f',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  '\\u0000\\"',
  '\r\n\t',
  'NaN',
  '-0',
  '1e309',
];

const VERY_LONG = ['x'.repeat(10_000), 'é'.repeat(40_000), '👍'.repeat(20_000), 'e\u0301'.repeat(30_000)];

/** Odd strings, mostly short; sometimes very long. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...ODD_FRAGMENTS), fc.string({ unit: 'binary', maxLength: 4 })), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join('')),
  },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...VERY_LONG) },
);

/**
 * Path segments as they would arrive on the wire: encoded odd strings, and raw encodings a
 * decoder can trip on (`%`, `%G1`, overlong or surrogate UTF-8).
 */
export const oddPathSegment: fc.Arbitrary<string> = fc.oneof(
  oddString.map((s) => encodeSegment(s)),
  fc.constantFrom('%', '%G1', '%FF', '%C0%AF', '%ED%A0%80', '%00', '%2F', '..', '%2e%2e', '.', '%20', '+', '%25', 'a'.repeat(5000)),
);

/** `encodeURIComponent`, which throws on a lone surrogate: then its invalid UTF-8 bytes. */
export function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ''))}%ED%A0%80`;
  }
}
