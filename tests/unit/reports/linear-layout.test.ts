import { describe, expect, it } from 'vitest';
import { breakLongWords } from '../../../src/reports/pdf/fit-text.js';
import { contentWidth, heading, labelledRows, paragraph } from '../../../src/reports/pdf/layout.js';
import { startPdf, type PdfDocument } from '../../../src/reports/pdf/pdf-document.js';
import { drawTable } from '../../../src/reports/pdf/table.js';

/**
 * How many characters pdfkit measured to lay out what `draw` draws. pdfkit breaks a word wider
 * than its line by measuring the rest of the word again for every line (quadratic); the
 * layout must measure each character a bounded number of times, however long the word.
 */
async function measuredCharacters(draw: (doc: PdfDocument) => void): Promise<number> {
  const { doc, finished } = startPdf({ title: 't', author: 'a', subject: 's', createdAt: new Date('2027-01-01T00:00:00Z') });
  const widthOfString = doc.widthOfString.bind(doc);
  let measured = 0;
  doc.widthOfString = ((text: string, options?: PDFKit.Mixins.TextOptions) => {
    measured += text.length;
    return widthOfString(text, options);
  }) as typeof doc.widthOfString;
  draw(doc);
  doc.end();
  await finished;
  return measured;
}

const word = (length: number) => 'Inburgeringstaalschool'.repeat(Math.ceil(length / 22)).slice(0, length);

const LAYOUTS: Record<string, (text: string) => (doc: PdfDocument) => void> = {
  paragraph: (text) => (doc) => paragraph(doc, { text }),
  heading: (text) => (doc) => heading(doc, { text, level: 2 }),
  'label-value row': (text) => (doc) => labelledRows(doc, { rows: [['Motivering', text]] }),
  'table cell in a narrow column': (text) => (doc) =>
    drawTable(doc, {
      columns: [
        { header: 'Nr', width: 0.12 },
        { header: 'Opmerkingen', width: 0.88 },
      ],
      rows: [{ cells: [text, 'kort'] }],
    }),
};

describe('laying out one long unbroken word', () => {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(`measures each character a bounded number of times: ${name}`, async () => {
      const once = await measuredCharacters(layout(word(10_000)));
      const twice = await measuredCharacters(layout(word(20_000)));
      expect(twice).toBeLessThan(12 * 20_000);
      // Twice the text, twice the work: linear, not quadratic (which would give four times).
      expect(twice / once).toBeLessThan(2.2);
    });
  }
});

describe('breakLongWords', () => {
  it('splits only words wider than the line, into pieces that each fit it', () => {
    const { doc } = startPdf({ title: 't', author: 'a', subject: 's', createdAt: new Date('2027-01-01T00:00:00Z') });
    const width = contentWidth(doc) / 3;
    const long = word(1_000);
    const broken = breakLongWords(doc, `kort ${long} ook kort`, width);
    const lines = broken.split('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.join('')).toBe(`kort ${long} ook kort`);
    for (const line of lines) for (const piece of line.split(' ')) expect(doc.widthOfString(piece)).toBeLessThanOrEqual(width);
    expect(breakLongWords(doc, 'Een gewone zin met korte woorden.', width)).toBe('Een gewone zin met korte woorden.');
  });
});
