/**
 * @module
 * Text from the data made ready to print with the embedded fonts (fonts.ts): NFC, so that an
 * accent typed as a combining mark prints as the one precomposed glyph; CR LF and CR as one
 * line break; a tab as a space. A character the fonts have no glyph for (a Chinese name, a
 * rare emoji) becomes U+FFFD '�': PDF/A forbids drawing the missing-glyph box (ISO 19005-3
 * §6.2.11.8), and a visible replacement says plainly that something was not printed rather
 * than dropping it. Which scripts print: docs/documents-of-record.md.
 */
import { hasTextGlyph } from './fonts.js';

/** The replacement character, which the fonts do have. */
export const REPLACEMENT = '\uFFFD';

/**
 * @example toPrintable('Gemeente Súdwest-Fryslân\tĲsselmonde') // 'Gemeente Súdwest-Fryslân Ĳsselmonde'
 */
export function toPrintable(text: string): string {
  const normal = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  let out = '';
  let copied = 0;
  let index = 0;
  for (const char of normal) {
    const code = char.codePointAt(0) ?? 0;
    // A line break is layout, not a glyph.
    if (code !== 0x0a && !hasTextGlyph(code)) {
      out += normal.slice(copied, index) + REPLACEMENT;
      copied = index + char.length;
    }
    index += char.length;
  }
  return copied === 0 ? normal : out + normal.slice(copied);
}
