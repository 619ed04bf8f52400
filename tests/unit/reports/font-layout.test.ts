import { describe, expect, it } from 'vitest';
import { FONT } from '../../../src/reports/pdf/fonts.js';
import { startPdf, type PdfDocument } from '../../../src/reports/pdf/pdf-document.js';

type Layout = { glyphs: { id: number }[] | null; positions: { xAdvance: number; xOffset: number }[] | null; advanceWidth: number };
type EmbeddedFont = {
  layout(text: string, features?: unknown, onlyWidth?: boolean): Layout;
  layoutRun(text: string): unknown;
};

function newDocument(): { doc: PdfDocument; finished: Promise<Buffer> } {
  return startPdf({ title: 't', author: 'a', subject: 's', createdAt: new Date('2027-01-01T00:00:00Z') });
}

function fontOf(doc: PdfDocument, name: string): EmbeddedFont {
  doc.font(name);
  return (doc as unknown as { _font: EmbeddedFont })._font;
}

/** pdfkit's own layout (the class's method), for the font of `doc`. */
function pdfkitLayout(font: EmbeddedFont): EmbeddedFont['layout'] {
  const prototype = Object.getPrototypeOf(font) as EmbeddedFont;
  // A copy of the font with pdfkit's methods only and a cache of its own.
  const plain = Object.assign(Object.create(prototype) as EmbeddedFont, font, { layoutCache: Object.create(null) as object });
  delete (plain as Partial<EmbeddedFont>).layout;
  return (text, features, onlyWidth) => plain.layout(text, features, onlyWidth);
}

const TEXTS = [
  'De school licht de aanpak toe met concrete voorbeelden uit eerdere trajecten, € 1.250 per deelnemer.',
  'Taalschool İstanbul ğ ş — Łódź Żabka ĳsselmeer Fryslân\ttab  twee spaties ',
  '',
  '   ',
  'Inburgeringstaalschool'.repeat(40),
];

describe('the shared font layout (font-layout.ts)', () => {
  for (const name of [FONT.regular, FONT.bold, FONT.mono]) {
    it(`gives the glyphs, positions and widths pdfkit gives: ${name}`, async () => {
      const { doc, finished } = newDocument();
      const font = fontOf(doc, name);
      const own = pdfkitLayout(font);
      for (const text of TEXTS) {
        const shared = font.layout(text);
        const expected = own(text);
        expect(shared.glyphs?.map((glyph) => glyph.id)).toEqual(expected.glyphs?.map((glyph) => glyph.id));
        expect(shared.positions).toEqual(expected.positions);
        expect(shared.advanceWidth).toBe(expected.advanceWidth);
        expect(font.layout(text, undefined, true).advanceWidth).toBe(own(text, undefined, true).advanceWidth);
      }
      doc.end();
      await finished;
    });
  }

  it('lays out a word once per process: a second document does not shape it again', async () => {
    const text = 'Voortgangsgesprekken met deelnemers worden maandelijks gevoerd';
    const first = newDocument();
    first.doc.font(FONT.regular).fontSize(10).text(text, { width: 300 });
    first.doc.end();
    await first.finished;

    const second = newDocument();
    const font = fontOf(second.doc, FONT.regular);
    let shaped = 0;
    const layoutRun = font.layoutRun.bind(font);
    font.layoutRun = (piece: string) => {
      shaped++;
      return layoutRun(piece);
    };
    second.doc.fontSize(10).text(text, { width: 300 });
    expect(second.doc.widthOfString(text)).toBeGreaterThan(0);
    second.doc.end();
    await second.finished;
    // pdfkit alone shapes every word again in each new document (its cache is per document).
    expect(shaped).toBe(0);
  });
});
