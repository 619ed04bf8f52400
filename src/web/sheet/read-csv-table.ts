/**
 * @module
 * A .csv as one `SheetTable`, parsed row by row with fast-csv (the parser exceljs itself uses
 * for CSV) and counted against `SHEET_LIMITS` as the rows come. Every value stays text as it
 * was typed: "05123456" keeps its leading zero and nothing is taken for a date.
 */
import { Readable } from 'node:stream';
import { SheetBudget } from './sheet-limits.js';
import type { CellValue, SheetRow, SheetTable } from './sheet-table.js';

/** Semicolons are what a Dutch Excel writes; commas what the rest of the world does. */
function csvDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * @example const table = await readCsvTable(bytes, 'Inschrijvingen');
 */
export async function readCsvTable(bytes: Uint8Array, name: string): Promise<SheetTable> {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const budget = new SheetBudget();
  const rows: SheetRow[] = [];
  // fast-csv is loaded by the first import of a sheet, not at the server's start (docs/build.md).
  const { parse } = await import('fast-csv');
  const source = Readable.from([text]);
  const parser = source.pipe(parse<string[], string[]>({ delimiter: csvDelimiter(text) }));
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      const cells: CellValue[] = [];
      record.forEach((value, index) => {
        if (value === '') return;
        budget.addCell(name, number, index + 1);
        cells[index] = value;
      });
      if (cells.length > 0) rows.push({ number, cells });
    }
  } finally {
    source.destroy();
    parser.destroy();
  }
  return { name, rows };
}
