/**
 * @module
 * A plain table: a shaded header row, wrapping cells, and the header repeated when the table
 * runs onto a new page, so a page read on its own still says what its columns are.
 */
import { COLOR, FONT, SIZE, bottomOf, contentWidth, textHeight } from './layout.js';
import type { PdfDocument } from './pdf-document.js';
import { toWinAnsi } from './win-ansi.js';

export type TableColumn = {
  header: string;
  /** A share of the content width; the shares of a table add up to 1. */
  width: number;
  align?: 'left' | 'right' | 'center';
};

export type TableRow = { cells: readonly string[]; bold?: boolean; color?: string };

const PADDING = 3;

function rowHeight(doc: PdfDocument, cells: readonly string[], widths: readonly number[], font: string): number {
  doc.font(font).fontSize(SIZE.small + 0.5);
  const heights = cells.map((cell, i) => textHeight(doc, cell, (widths[i] ?? 0) - 2 * PADDING));
  return Math.max(...heights, doc.currentLineHeight()) + 2 * PADDING;
}

function drawRow(
  doc: PdfDocument,
  options: { cells: readonly string[]; widths: readonly number[]; columns: readonly TableColumn[]; y: number; height: number; font: string; fill?: string; color?: string },
): void {
  const left = doc.page.margins.left;
  const width = options.widths.reduce((sum, w) => sum + w, 0);
  if (options.fill) doc.save().rect(left, options.y, width, options.height).fill(options.fill).restore();
  doc.save().lineWidth(0.5).strokeColor(COLOR.rule).moveTo(left, options.y + options.height).lineTo(left + width, options.y + options.height).stroke().restore();
  doc.font(options.font).fontSize(SIZE.small + 0.5).fillColor(options.color ?? COLOR.text);
  let x = left;
  options.cells.forEach((cell, i) => {
    const cellWidth = options.widths[i] ?? 0;
    doc.text(cell, x + PADDING, options.y + PADDING, { width: cellWidth - 2 * PADDING, align: options.columns[i]?.align ?? 'left' });
    x += cellWidth;
  });
}

/**
 * @example drawTable(doc, { columns: [{ header: 'Criterium', width: 0.7 }, { header: 'Score', width: 0.3, align: 'right' }], rows: [{ cells: ['K1', '8'] }] });
 */
export function drawTable(doc: PdfDocument, options: { columns: readonly TableColumn[]; rows: readonly TableRow[] }): void {
  const widths = options.columns.map((column) => column.width * contentWidth(doc));
  const headers = options.columns.map((column) => toWinAnsi(column.header));
  const headerHeight = rowHeight(doc, headers, widths, FONT.bold);
  const drawHeader = () => {
    const y = doc.y;
    drawRow(doc, { cells: headers, widths, columns: options.columns, y, height: headerHeight, font: FONT.bold, fill: COLOR.headerFill });
    doc.y = y + headerHeight;
  };
  const rows = options.rows.map((row) => ({ ...row, cells: row.cells.map(toWinAnsi) }));
  const firstHeight = rows[0] ? rowHeight(doc, rows[0].cells, widths, rows[0].bold ? FONT.bold : FONT.regular) : 0;
  if (doc.y + headerHeight + firstHeight > bottomOf(doc)) doc.addPage();
  drawHeader();
  rows.forEach((row, index) => {
    const font = row.bold ? FONT.bold : FONT.regular;
    const height = rowHeight(doc, row.cells, widths, font);
    if (doc.y + height > bottomOf(doc)) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    drawRow(doc, {
      cells: row.cells,
      widths,
      columns: options.columns,
      y,
      height,
      font,
      ...(index % 2 === 1 ? { fill: COLOR.zebraFill } : {}),
      ...(row.color ? { color: row.color } : {}),
    });
    doc.y = y + height;
  });
  doc.x = doc.page.margins.left;
  doc.y += 8;
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text);
}
