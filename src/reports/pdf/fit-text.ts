/**
 * @module
 * Text from the data made ready for pdfkit at a given width: printable in the embedded fonts
 * first (printable-text.ts), then every word wider than the line broken at the line's width,
 * measured with the embedded font's own metrics. pdfkit breaks such a word itself,
 * but measures the rest of the word again for each line it fills (LineWrapper.eachWord), which
 * is quadratic in the word's length: a 200,000-character name without a space held the server
 * for minutes. Here a word is measured once, character by character, so laying out a text
 * costs time in proportion to its length. A word that fits is left to pdfkit as before.
 */
import type { PdfDocument } from './pdf-document-type.js';
import { toPrintable } from './printable-text.js';

const WORD = /\S+/g;

/**
 * An upper bound of a character's width in the current font, for the quick test that a word
 * fits: the font's widest advance (hhea.advanceWidthMax, ISO/IEC 14496-22 §5.2.4) at the
 * current size. A word of n characters is never wider than n times that (kerning narrows).
 */
function widestCharacter(doc: PdfDocument): number {
  const font = (doc as unknown as { _font: { font?: { hhea?: { advanceWidthMax: number }; unitsPerEm: number } } })._font.font;
  const size = (doc as unknown as { _fontSize: number })._fontSize;
  if (font?.hhea === undefined) return doc.widthOfString('\u2014') * 2;
  return (font.hhea.advanceWidthMax / font.unitsPerEm) * size;
}

function splitWord(doc: PdfDocument, word: string, width: number): string {
  // A hair under the width: kerning can make a piece a little wider than its characters.
  const room = width * 0.99;
  const widths = new Map<string, number>();
  const pieces: string[] = [];
  let start = 0;
  let used = 0;
  for (let i = 0; i < word.length; i++) {
    const character = word[i] as string;
    let advance = widths.get(character);
    if (advance === undefined) {
      advance = doc.widthOfString(character);
      widths.set(character, advance);
    }
    if (used + advance > room && i > start) {
      pieces.push(word.slice(start, i));
      start = i;
      used = 0;
    }
    used += advance;
  }
  pieces.push(word.slice(start));
  return pieces.join('\n');
}

/**
 * `text` (already printable) with each word wider than `width` split over lines, in the current font.
 * @example breakLongWords(doc, 'x'.repeat(1000), 200) // 'xxx...\nxxx...\n...'
 */
export function breakLongWords(doc: PdfDocument, text: string, width: number): string {
  const widest = widestCharacter(doc);
  let out = '';
  let copied = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (word.length * widest <= width || doc.widthOfString(word) <= width) continue;
    out += text.slice(copied, match.index) + splitWord(doc, word, width);
    copied = match.index + word.length;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Text from the data, ready to draw `width` points wide in the document's current font.
 * @example doc.font(FONT.bold).text(fitText(doc, data.tender.title, width), { width })
 */
export function fitText(doc: PdfDocument, text: string, width: number): string {
  return breakLongWords(doc, toPrintable(text), width);
}
