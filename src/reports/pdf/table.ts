/**
 * @module
 * A plain table: a shaded header row, wrapping cells, and the header repeated when the table
 * runs onto a new page, so a page read on its own still says what its columns are. Tagged as
 * Table, TR, TH (scope Column) and TD; a repeated header is an artifact, so a screen reader
 * reads the header once and every row once.
 */
import { fitText } from './fit-text.js';
import { COLOR, FONT, SIZE, bottomOf, contentWidth, heading, labelledRows, rightAfterHeading, textHeight } from './layout.js';
import type { PdfDocument } from './pdf-document-type.js';
import { artifact, group, tagged } from './structure.js';

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

/** How a row is tagged: a header row of TH, a body row of TD, or a repeated header (artifact). */
type RowRole = 'header' | 'body' | 'repeated-header';

function drawRow(
  doc: PdfDocument,
  options: {
    cells: readonly string[];
    widths: readonly number[];
    columns: readonly TableColumn[];
    y: number;
    height: number;
    font: string;
    fill?: string;
    color?: string;
    role: RowRole;
  },
): void {
  const left = doc.page.margins.left;
  const width = options.widths.reduce((sum, w) => sum + w, 0);
  artifact(doc, () => {
    if (options.fill) doc.save().rect(left, options.y, width, options.height).fill(options.fill).restore();
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .moveTo(left, options.y + options.height)
      .lineTo(left + width, options.y + options.height)
      .stroke()
      .restore();
  });
  const drawCells = () => {
    let x = left;
    options.cells.forEach((cell, i) => {
      const cellWidth = options.widths[i] ?? 0;
      const draw = () => {
        doc
          .font(options.font)
          .fontSize(SIZE.small + 0.5)
          .fillColor(options.color ?? COLOR.text);
        doc.text(cell, x + PADDING, options.y + PADDING, { width: cellWidth - 2 * PADDING, align: options.columns[i]?.align ?? 'left' });
      };
      if (options.role === 'repeated-header') artifact(doc, draw, 'Pagination');
      else if (options.role === 'header') tagged(doc, 'TH', draw, { scope: 'Column' });
      else tagged(doc, 'TD', draw);
      x += cellWidth;
    });
  };
  if (options.role === 'repeated-header') drawCells();
  else group(doc, 'TR', drawCells);
}

/** One row as label-value lines across the full width, with the table's rule under it. */
function drawStackedRow(doc: PdfDocument, columns: readonly TableColumn[], cells: readonly string[]): void {
  group(doc, 'TR', () => group(doc, 'TD', () => labelledRows(doc, { rows: columns.map((column, i) => [column.header, cells[i] ?? ''] as const) })));
  const left = doc.page.margins.left;
  artifact(doc, () =>
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .moveTo(left, doc.y)
      .lineTo(left + contentWidth(doc), doc.y)
      .stroke()
      .restore(),
  );
  doc.y += 4;
}

export type TableOptions = { columns: readonly TableColumn[]; rows: readonly TableRow[] };

/** A table's cells fitted to their columns and measured once, for keeping it with its heading and for drawing. */
type MeasuredTable = {
  options: TableOptions;
  widths: number[];
  headers: string[];
  headerHeight: number;
  rows: TableRow[];
  heights: number[];
  /** A row taller than this is printed stacked (as label-value lines that flow over pages). */
  tallest: number;
};

function measureTable(doc: PdfDocument, options: TableOptions): MeasuredTable {
  const widths = options.columns.map((column) => column.width * contentWidth(doc));
  // Each cell fitted once to its column in the font it is drawn in, for measuring and drawing alike.
  const fitCells = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(SIZE.small + 0.5);
    return cells.map((cell, i) => fitText(doc, cell, (widths[i] ?? 0) - 2 * PADDING));
  };
  const headers = fitCells(
    options.columns.map((column) => column.header),
    FONT.bold,
  );
  const headerHeight = rowHeight(doc, headers, widths, FONT.bold);
  const rows = options.rows.map((row) => ({ ...row, cells: fitCells(row.cells, row.bold ? FONT.bold : FONT.regular) }));
  // A row taller than a page (a remark of thousands of words) cannot stay a row: it is printed
  // as its columns' headers with their values, flowing over pages, and the table goes on after.
  const tallest = bottomOf(doc) - doc.page.margins.top - headerHeight;
  const heights = rows.map((row) => rowHeight(doc, row.cells, widths, row.bold ? FONT.bold : FONT.regular));
  doc.font(FONT.regular).fontSize(SIZE.body);
  return { options, widths, headers, headerHeight, rows, heights, tallest };
}

/**
 * What must fit under a table's heading so that the heading does not end a page alone: the
 * header row and the first row, or the first lines of a first row printed stacked.
 */
function leadHeight(doc: PdfDocument, table: MeasuredTable): number {
  const first = table.heights[0] ?? 0;
  return first > table.tallest ? 4 * doc.currentLineHeight(true) : table.headerHeight + first;
}

/**
 * A heading and its table, kept together (keep-with-next): the heading starts a new page
 * unless the table's header and first row fit under it, however tall that row is.
 * @example headedTable(doc, { text: 'Rangorde', level: 1 }, { columns, rows });
 */
export function headedTable(doc: PdfDocument, headingOptions: { text: string; level: 1 | 2 | 3 }, options: TableOptions): void {
  const table = measureTable(doc, options);
  heading(doc, { ...headingOptions, keepWithNext: leadHeight(doc, table) });
  drawMeasuredTable(doc, table);
}

/**
 * @example drawTable(doc, { columns: [{ header: 'Criterium', width: 0.7 }, { header: 'Score', width: 0.3, align: 'right' }], rows: [{ cells: ['K1', '8'] }] });
 */
export function drawTable(doc: PdfDocument, options: TableOptions): void {
  drawMeasuredTable(doc, measureTable(doc, options));
}

function drawMeasuredTable(doc: PdfDocument, table: MeasuredTable): void {
  const { options, widths, headers, headerHeight, rows, heights, tallest } = table;
  let headerTagged = false;
  const drawHeader = () => {
    const y = doc.y;
    drawRow(doc, {
      cells: headers,
      widths,
      columns: options.columns,
      y,
      height: headerHeight,
      font: FONT.bold,
      fill: COLOR.headerFill,
      role: headerTagged ? 'repeated-header' : 'header',
    });
    headerTagged = true;
    doc.y = y + headerHeight;
  };
  let headerShown = false;
  const showHeaderFor = (height: number) => {
    if (doc.y + (headerShown ? 0 : headerHeight) + height > bottomOf(doc)) {
      doc.addPage();
      headerShown = false;
    }
    if (!headerShown) drawHeader();
    headerShown = true;
  };
  // Right under a heading that did not reserve room for it (a plain `heading` then `drawTable`),
  // a first row that does not fit is printed stacked from there rather than moved to the next
  // page whole, which would leave the heading alone at the foot of the page.
  const firstRowStacked = rightAfterHeading(doc) && doc.y + headerHeight + (heights[0] ?? 0) > bottomOf(doc);
  group(doc, 'Table', () => {
    if (rows.length === 0) showHeaderFor(0);
    rows.forEach((row, index) => {
      const height = heights[index] ?? 0;
      if (height > tallest || (index === 0 && firstRowStacked)) {
        drawStackedRow(doc, options.columns, options.rows[index]?.cells ?? []);
        headerShown = false;
        return;
      }
      showHeaderFor(height);
      const y = doc.y;
      drawRow(doc, {
        cells: row.cells,
        widths,
        columns: options.columns,
        y,
        height,
        font: row.bold ? FONT.bold : FONT.regular,
        ...(index % 2 === 1 ? { fill: COLOR.zebraFill } : {}),
        ...(row.color ? { color: row.color } : {}),
        role: 'body',
      });
      doc.y = y + height;
    });
  });
  doc.x = doc.page.margins.left;
  doc.y += 8;
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text);
}
