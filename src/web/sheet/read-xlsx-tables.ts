/**
 * @module
 * The sheets of an .xlsx as `SheetTable`s, read with exceljs's streaming reader row by row
 * and counted against `SHEET_LIMITS` as they come, so a sheet of a million cells is refused
 * at the limit instead of being built in memory first. exceljs only ever sees a zip made
 * here from the parts `readXlsxParts` unpacked within the limits (stored, not compressed):
 * its own unzipper reads local headers front to back and would otherwise inflate whatever a
 * crafted file hides there, outside the central directory that was checked. exceljs (with
 * its zip and stream libraries, a quarter of the server's start) is loaded by the first
 * import of a spreadsheet, not at start (docs/build.md).
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { SheetBudget } from './sheet-limits.js';
import { cellValue, type CellValue, type SheetRow, type SheetTable } from './sheet-table.js';
import { readXlsxParts, UnreadableArchiveError, WORKSHEET_PART } from './xlsx-archive.js';

// A workbook without text cells has no shared strings; the streaming reader would then park
// each sheet in a temporary file while it waits for them.
const NO_SHARED_STRINGS = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');

const sheetNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);

/** The parts in the order the streaming reader needs them: relations, workbook, strings, styles, sheets. */
async function storedZip(parts: Map<string, Buffer>): Promise<Buffer> {
  const { zipSync } = await import('fflate');
  const files: Record<string, Uint8Array> = {};
  for (const name of ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']) {
    const part = parts.get(name) ?? (name === 'xl/sharedStrings.xml' ? NO_SHARED_STRINGS : undefined);
    if (part !== undefined) files[name] = part;
  }
  const sheets = [...parts.keys()].filter((name) => WORKSHEET_PART.test(name)).sort((a, b) => sheetNumber(a) - sheetNumber(b));
  for (const name of sheets) files[name] = parts.get(name) as Buffer;
  return Buffer.from(zipSync(files, { level: 0 }));
}

type StreamedSheet = ExcelJS.stream.xlsx.WorksheetReader & { name: string };
type StreamedWorkbook = ExcelJS.stream.xlsx.WorkbookReader & { model?: { sheets?: { name: string }[] } };

/**
 * The sheets in the workbook's own order (its first sheet first).
 * @example const [first] = await readXlsxTables(bytes);
 */
export async function readXlsxTables(bytes: Uint8Array): Promise<SheetTable[]> {
  const parts = await readXlsxParts(bytes);
  if (!parts.has('xl/workbook.xml') || !parts.has('xl/_rels/workbook.xml.rels')) throw new UnreadableArchiveError();
  const { default: excel } = await import('exceljs');
  const source = Readable.from([await storedZip(parts)]);
  const reader = new excel.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as StreamedWorkbook;
  const budget = new SheetBudget();
  const tables: SheetTable[] = [];
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as StreamedSheet).name;
      const rows: SheetRow[] = [];
      for await (const row of worksheet) {
        const cells: CellValue[] = [];
        row.eachCell((cell, column) => {
          const value = cellValue(cell.value);
          if (value === null) return;
          budget.addCell(name, row.number, column);
          cells[column - 1] = value;
        });
        if (cells.length > 0) rows.push({ number: row.number, cells });
      }
      tables.push({ name, rows });
    }
  } finally {
    source.destroy();
  }
  const order = reader.model?.sheets?.map((sheet) => sheet.name) ?? [];
  const position = (table: SheetTable) => (order.includes(table.name) ? order.indexOf(table.name) : order.length);
  return tables.sort((a, b) => position(a) - position(b));
}
