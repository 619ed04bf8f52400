/**
 * @module
 * A sheet as the bid import reads it: its name and the rows that hold a value, each cell
 * reduced to text, a number or a yes/no. Both readers (.xlsx and .csv) produce this, within
 * `SHEET_LIMITS`, so the rules of the import never see exceljs's model of a workbook.
 */
import type ExcelJS from 'exceljs';

export type CellValue = string | number | boolean | null;

/** `cells[0]` is column A; a row without any value is left out. */
export type SheetRow = { number: number; cells: CellValue[] };

export type SheetTable = { name: string; rows: SheetRow[] };

/** A cell as text, number or boolean; rich text, formulas and hyperlinks give their shown value. */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value && value.result !== undefined) return cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** The value in `column` (from 1) of a row, or null. */
export function cellAt(row: SheetRow, column: number): CellValue {
  return row.cells[column - 1] ?? null;
}
