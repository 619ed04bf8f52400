/**
 * @module
 * How much of a spreadsheet the bid import reads. An .xlsx is a zip: 1.4 MB of repetitive
 * sheet XML can expand to hundreds of megabytes, and a workbook read whole into exceljs's
 * model costs far more again, per cell. The import therefore refuses, before it holds more
 * than a few megabytes, any file beyond these bounds, and says which one in Dutch. A real
 * bids sheet (a few hundred bids, a few thousand price lines) stays far below each of them.
 * Why each number: `docs/input-limits.md`.
 */
import { formatDutchNumber } from '../../domain/money.js';

export const SHEET_LIMITS = {
  /** The uploaded file itself (an .xlsx is compressed; a .csv is not). */
  fileBytes: 5 * 1024 * 1024,
  /** The parts of an .xlsx that are read (workbook, sheets, shared strings, styles), unpacked together. */
  expandedBytes: 32 * 1024 * 1024,
  /** Each part that only describes the workbook (workbook, its relations, styles), unpacked: exceljs models every entry. */
  metadataBytes: 4 * 1024 * 1024,
  /** Parts in the .xlsx archive, read or not: a workbook has a dozen or two. */
  entries: 500,
  /** Worksheets in the workbook. */
  sheets: 20,
  /** The highest row number with a value, per sheet. */
  rows: 10_000,
  /** The highest column with a value (50 is column AX). */
  columns: 50,
  /** Cells with a value, all sheets together. */
  cells: 100_000,
} as const;

export type SheetLimit = keyof typeof SHEET_LIMITS;

const MIB = 1024 * 1024;

const DESCRIBE: Record<SheetLimit, (where: string) => string> = {
  fileBytes: () => `Het bestand is groter dan ${SHEET_LIMITS.fileBytes / MIB} MiB, het maximum voor een blad met inschrijvingen.`,
  expandedBytes: () => `Uitgepakt is het .xlsx-bestand groter dan ${SHEET_LIMITS.expandedBytes / MIB} MiB, het maximum voor een blad met inschrijvingen.`,
  metadataBytes: (where) => `Het onderdeel ${where} van het .xlsx-bestand is uitgepakt groter dan ${SHEET_LIMITS.metadataBytes / MIB} MiB, het maximum.`,
  entries: () => `Het .xlsx-bestand bestaat uit meer dan ${formatDutchNumber(SHEET_LIMITS.entries, 0)} onderdelen, het maximum.`,
  sheets: () => `Het bestand heeft meer dan ${SHEET_LIMITS.sheets} werkbladen, het maximum.`,
  rows: (where) => `Het blad ${where} heeft meer dan ${formatDutchNumber(SHEET_LIMITS.rows, 0)} rijen, het maximum.`,
  columns: (where) => `Het blad ${where} heeft waarden voorbij kolom ${SHEET_LIMITS.columns} (AX), het maximum.`,
  cells: () => `Het bestand heeft meer dan ${formatDutchNumber(SHEET_LIMITS.cells, 0)} gevulde cellen, het maximum.`,
};

/** A file beyond one of `SHEET_LIMITS`: the import answers 413 with `message`. */
export class SheetLimitError extends Error {
  readonly limit: SheetLimit;

  constructor(limit: SheetLimit, where = '') {
    super(DESCRIBE[limit](where));
    this.name = 'SheetLimitError';
    this.limit = limit;
  }
}

/**
 * Counts what a reader takes in and throws `SheetLimitError` the moment a bound is passed,
 * so a reader never holds more than the limits allow.
 * @example const budget = new SheetBudget(); budget.addCell('Inschrijvingen', 2, 3);
 */
export class SheetBudget {
  private cells = 0;

  /** A cell with a value at `row`, `column` (both from 1) on the sheet `sheet`. */
  addCell(sheet: string, row: number, column: number): void {
    if (row > SHEET_LIMITS.rows) throw new SheetLimitError('rows', sheet);
    if (column > SHEET_LIMITS.columns) throw new SheetLimitError('columns', sheet);
    this.cells += 1;
    if (this.cells > SHEET_LIMITS.cells) throw new SheetLimitError('cells');
  }
}
