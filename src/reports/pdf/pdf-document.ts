/**
 * @module
 * Creates the pdfkit document every report starts from and collects its bytes. Everything
 * that pdfkit would take from the clock (CreationDate, ModDate, and the file ID, which it
 * hashes from the info dictionary) comes from the data, so the same data gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import { FONT } from './fonts.js';

export type PdfDocument = PDFKit.PDFDocument;

export type StartPdfOptions = {
  title: string;
  author: string;
  subject: string;
  /** The report's own time (`generatedAt`), never the clock. */
  createdAt: Date;
};

/**
 * @example
 * const { doc, finished } = startPdf({ title, author, subject, createdAt });
 * doc.text('...');
 * doc.end();
 * const bytes = await finished;
 */
export function startPdf(options: StartPdfOptions): { doc: PdfDocument; finished: Promise<Buffer> } {
  if (Number.isNaN(options.createdAt.getTime())) throw new RangeError('het tijdstip van het rapport (generatedAt) is geen geldige datum');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    // Pages stay in memory so that "pagina X van Y" can be written once Y is known.
    bufferPages: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: options.title,
      Author: options.author,
      Subject: options.subject,
      Creator: 'Gunningswijzer',
      Producer: 'Gunningswijzer (pdfkit)',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  doc.font(FONT.regular);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, finished };
}
