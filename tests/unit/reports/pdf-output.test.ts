import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { batchPdfOutput } from '../../../src/reports/pdf/pdf-output.js';
import type { PdfDocument } from '../../../src/reports/pdf/pdf-document.js';

type Written = { bytes: Buffer; chunks: number; contentWrites: number };

/** A plain pdfkit document (its own fonts, fixed dates) with three pages of text and drawing. */
async function draw(batched: boolean): Promise<Written> {
  const at = new Date('2027-01-01T00:00:00Z');
  const doc = new PDFDocument({ bufferPages: true, info: { CreationDate: at, ModDate: at } }) as PdfDocument;
  let contentWrites = 0;
  const countWrites = () => {
    const content = (doc.page as unknown as { content: { write(chunk: unknown): unknown } }).content;
    const write = content.write.bind(content);
    content.write = (chunk: unknown) => {
      contentWrites++;
      return write(chunk);
    };
  };
  countWrites();
  doc.on('pageAdded', countWrites);
  if (batched) batchPdfOutput(doc);
  let chunks = 0;
  const parts: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => {
    chunks++;
    parts.push(chunk);
  });
  const finished = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(parts))));
  for (let page = 0; page < 3; page++) {
    if (page > 0) doc.addPage();
    for (let line = 0; line < 30; line++) doc.text(`Regel ${line} van pagina ${page + 1}: een inschrijving, € 1.250`, { width: 300 });
    doc.rect(50, 50, 100, 20).fill('#e8eef5');
  }
  // Page footers are written after all pages exist, as the reports write "pagina X van Y".
  for (let page = 0; page < 3; page++) {
    doc.switchToPage(page);
    doc.text(`pagina ${page + 1} van 3`, 50, 780, { lineBreak: false });
  }
  doc.end();
  return { bytes: await finished, chunks, contentWrites };
}

describe('batched pdf output (pdf-output.ts)', () => {
  it('writes exactly the bytes pdfkit writes', async () => {
    const plain = await draw(false);
    const batched = await draw(true);
    expect(batched.bytes.equals(plain.bytes)).toBe(true);
    expect(batched.bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
  });

  it("writes each page's content once and the file in a few chunks", async () => {
    const plain = await draw(false);
    const batched = await draw(true);
    // pdfkit alone writes every operator on its own and pushes every line of the file.
    expect(plain.contentWrites).toBeGreaterThan(300);
    expect(plain.chunks).toBeGreaterThan(50);
    // The first page's first operator is written in pdfkit's constructor, before batching starts.
    expect(batched.contentWrites).toBeLessThanOrEqual(3 + 1);
    // The header (two lines, written in the constructor) and then the rest at once.
    expect(batched.chunks).toBeLessThanOrEqual(3);
  });
});
