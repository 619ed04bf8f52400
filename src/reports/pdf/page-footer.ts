/**
 * @module
 * Writes the footer on every page once all pages exist: the report id and where to check the
 * document on the left (a page that is printed or copied on its own still names its report)
 * and "pagina X van Y". A footer is a pagination artifact: a screen reader does not read it
 * on every page.
 */
import { COLOR, FONT, SIZE, contentWidth } from './layout.js';
import type { PdfDocument } from './pdf-document-type.js';
import { toPrintable } from './printable-text.js';
import { artifact } from './structure.js';

/**
 * `text` cut to fit `width` on one line, with an ellipsis: a footer line may not run into the
 * page label. Its start (the kind of report and its id) is what identifies the page.
 */
function fitOnOneLine(doc: PdfDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${text.slice(0, middle)}\u2026`) <= width) low = middle;
    else high = middle - 1;
  }
  return `${text.slice(0, low)}\u2026`;
}

/** `second`: a line under the first, e.g. where anyone can check the document. */
export function addPageFooters(doc: PdfDocument, options: { left: string; second?: string; pageLabel: (page: number, pages: number) => string }): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    // pdfkit starts a new page for text below the bottom margin; the footer lives there.
    doc.page.margins.bottom = 0;
    const left = doc.page.margins.left;
    const width = contentWidth(doc);
    const y = doc.page.height - (options.second === undefined ? 40 : 46);
    artifact(
      doc,
      () => {
        doc
          .save()
          .lineWidth(0.5)
          .strokeColor(COLOR.rule)
          .moveTo(left, y - 6)
          .lineTo(left + width, y - 6)
          .stroke()
          .restore();
        doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
        doc.text(fitOnOneLine(doc, toPrintable(options.left), width * 0.7 - 6), left, y, { width: width * 0.7, lineBreak: false });
        doc.text(toPrintable(options.pageLabel(index - range.start + 1, range.count)), left + width * 0.7, y, {
          width: width * 0.3,
          align: 'right',
          lineBreak: false,
        });
        if (options.second !== undefined) {
          doc.text(fitOnOneLine(doc, toPrintable(options.second), width), left, y + 10, { width, lineBreak: false });
        }
      },
      'Pagination',
    );
    doc.page.margins.bottom = bottomMargin;
  }
}
