/**
 * @module
 * The head of a report's cover: the kind of document, its subtitle and what it is about. One
 * drawing for the evaluation report of a tender and that of a procedure, so that both covers
 * read (and are tagged, PDF/UA) alike.
 */
import { COLOR, FONT, SIZE, contentWidth } from '../pdf/layout.js';
import { fitText } from '../pdf/fit-text.js';
import type { PdfDocument } from '../pdf/pdf-document-type.js';
import { tagged } from '../pdf/structure.js';

export function drawCoverTitle(doc: PdfDocument, words: { title: string; subtitle: string }, subject: string): void {
  doc.y = doc.page.margins.top + 20;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  tagged(doc, 'H1', () =>
    doc
      .font(FONT.bold)
      .fontSize(24)
      .fillColor(COLOR.accent)
      .text(fitText(doc, words.title, width), left, doc.y, { width }),
  );
  tagged(doc, 'P', () =>
    doc
      .font(FONT.regular)
      .fontSize(SIZE.h2)
      .fillColor(COLOR.muted)
      .text(fitText(doc, words.subtitle, width), left, doc.y, { width }),
  );
  doc.y += 16;
  doc.font(FONT.bold).fontSize(SIZE.h1).fillColor(COLOR.text);
  const title = fitText(doc, subject, width);
  tagged(doc, 'P', () => doc.text(title, left, doc.y, { width }));
}
