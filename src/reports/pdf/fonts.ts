/**
 * @module
 * The fonts every report embeds: DejaVu Sans Condensed (regular, bold, oblique) and DejaVu
 * Sans Mono, from the npm package `dejavu-fonts-ttf` (Bitstream Vera licence with DejaVu's
 * public-domain changes; docs/documents-of-record.md). PDF/A forbids the unembedded standard
 * fonts (ISO 19005-3 §6.2.11.4.1), and only a Unicode font prints every name the system
 * accepts: Turkish ı and ş, Polish ł and ż, Frisian â and û, the Dutch ĳ, Greek and Cyrillic.
 * Each file is read and parsed by fontkit once per process, and each word is laid out once
 * per process (font-layout.ts); pdfkit then embeds, per document, a subset of the glyphs
 * that document uses, with a ToUnicode map so text copies out as it was written.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';
import type { PdfDocument } from './pdf-document-type.js';
import { shareFontLayout } from './font-layout.js';

/** The names the layout code selects fonts by (`doc.font(FONT.bold)`). */
export const FONT = { regular: 'GW-Regular', bold: 'GW-Bold', italic: 'GW-Italic', mono: 'GW-Mono' } as const;

const FILES: Record<keyof typeof FONT, string> = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italic: 'DejaVuSansCondensed-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};

let parsed: Record<keyof typeof FONT, Font> | undefined;

/** The folder of the package's TrueType files, found the way Node resolves the package. */
function fontFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

function fonts(): Record<keyof typeof FONT, Font> {
  if (parsed !== undefined) return parsed;
  const folder = fontFolder();
  const load = (file: string) => create(readFileSync(join(folder, file)));
  parsed = { regular: load(FILES.regular), bold: load(FILES.bold), italic: load(FILES.italic), mono: load(FILES.mono) };
  return parsed;
}

/**
 * Registers the four fonts under `FONT`'s names and selects the regular one. Each font the
 * document selects lays out text from the process's shared caches (font-layout.ts).
 */
export function registerReportFonts(doc: PdfDocument): void {
  const loaded = fonts();
  for (const key of Object.keys(FONT) as (keyof typeof FONT)[]) {
    // pdfkit takes a parsed fontkit font where its types say a file name or buffer.
    doc.registerFont(FONT[key], loaded[key] as unknown as string);
  }
  const select = doc.font.bind(doc) as (...args: unknown[]) => PdfDocument;
  doc.font = ((...args: unknown[]) => {
    select(...args);
    // pdfkit creates a document's font object on its first selection.
    shareFontLayout((doc as unknown as { _font: unknown })._font);
    return doc;
  }) as PdfDocument['font'];
  doc.font(FONT.regular);
}

const printable = new Map<number, boolean>();

/**
 * Whether the text fonts (regular, bold and oblique alike) have a glyph for the character, so
 * that the same text prints the same in any of them. The mono font is used for hashes only.
 */
export function hasTextGlyph(codePoint: number): boolean {
  let known = printable.get(codePoint);
  if (known === undefined) {
    const { regular, bold, italic } = fonts();
    known = regular.hasGlyphForCodePoint(codePoint) && bold.hasGlyphForCodePoint(codePoint) && italic.hasGlyphForCodePoint(codePoint);
    printable.set(codePoint, known);
  }
  return known;
}

/** The fonts' file names, for the licence notice and the tests. */
export const FONT_FILES = FILES;
