/**
 * @module
 * Creates the pdfkit document every report starts from and collects its bytes. Every
 * document is PDF/A-3b (ISO 19005-3, conformance level B) in PDF 1.7: embedded Unicode fonts
 * with ToUnicode maps (fonts.ts), XMP metadata that repeats the Info dictionary and names the
 * document's purpose, tender and signer (xmp.ts), an sRGB output intent (pdf-a.ts), no
 * encryption; and it is tagged (structure.ts) with `/Lang nl-NL` and the title shown in the
 * reader's title bar. The evaluation report embeds its dossier and result as associated
 * files (`attachments`). Which PDF/A rules are checked and how: docs/documents-of-record.md.
 *
 * Everything that pdfkit would take from the clock (CreationDate, ModDate, and the file ID,
 * which it hashes from the info dictionary) comes from the data, so the same data gives the
 * same bytes.
 */
import PDFDocument from 'pdfkit';
import { registerReportFonts } from './fonts.js';
import { batchPdfOutput } from './pdf-output.js';
import { useOutputIntent, useXmp } from './pdf-a.js';
import { startStructure } from './structure.js';
import type { PdfDocument } from './pdf-document-type.js';
import type { DocumentRecord } from './xmp.js';

export type { PdfDocument } from './pdf-document-type.js';

/** A file the document carries as a PDF/A-3 associated file (ISO 32000-2 §14.13). */
export type Attachment = {
  name: string;
  description: string;
  /** `Source`: what the document was made from; `Data`: the data the document presents. */
  relationship: 'Source' | 'Data';
  mimeType: string;
  content: Buffer;
};

export type StartPdfOptions = {
  title: string;
  author: string;
  subject: string;
  /** The report's own time (`generatedAt`), never the clock. */
  createdAt: Date;
  /** What the XMP says about the document as a record: purpose, tender, signer (reports always give it). */
  record?: DocumentRecord | undefined;
  attachments?: readonly Attachment[];
};

const CREATOR = 'Gunningswijzer';
const PRODUCER = 'Gunningswijzer (pdfkit)';

/**
 * @example
 * const { doc, finished } = startPdf({ title, author, subject, createdAt, record });
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
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    // No default font: pdfkit would parse Helvetica's metrics for every document, and the
    // reports use only the embedded fonts (registerReportFonts selects the first).
    font: null as unknown as string,
    info: {
      Title: options.title,
      Author: options.author,
      Subject: options.subject,
      Creator: CREATOR,
      Producer: PRODUCER,
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  batchPdfOutput(doc);
  useXmp(doc, {
    title: options.title,
    author: options.author,
    subject: options.subject,
    creatorTool: CREATOR,
    producer: PRODUCER,
    createdAt: options.createdAt,
    record: options.record,
  });
  useOutputIntent(doc);
  registerReportFonts(doc);
  startStructure(doc);
  for (const attachment of options.attachments ?? []) {
    doc.file(attachment.content, {
      name: attachment.name,
      description: attachment.description,
      type: attachment.mimeType,
      creationDate: options.createdAt,
      modifiedDate: options.createdAt,
      // pdfkit writes it as the file specification's /AFRelationship and lists it in /AF.
      relationship: attachment.relationship,
    } as PDFKit.Mixins.PDFAttachmentOptions);
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, finished };
}
