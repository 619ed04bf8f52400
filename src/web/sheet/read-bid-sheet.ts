/**
 * @module
 * Reading a bids sheet (.xlsx or .csv), within `SHEET_LIMITS`, into bid inputs, each remembering the row
 * and the column of every value, so that the service's problems (`provider.kvk`) can be
 * reported as "rij 3, kolom C (KvK-nummer)". Only what a spreadsheet itself gets wrong is
 * refused here (a missing column, "misschien" for a yes/no); every rule about a bid is the
 * bid service's, with the dossier's bid schema.
 */
import type { NewBidInput } from '../../modules/bids/bids.service.js';
import { parseMoneyText } from '../../domain/amount-text.js';
import { parseDutchNumber } from '../forms/form-values.js';
import { PROVIDER_ADDRESS_KEYS, type ProviderAddress } from '../../domain/provider/provider-address.js';
import { BID_COLUMNS, BIDS_SHEET, columnLetter, matchesColumn, PRICE_LINE_COLUMNS, PRICE_LINES_SHEET, type ColumnSpec } from './bid-sheet-layout.js';
import { readCsvTable } from './read-csv-table.js';
import { readXlsxTables } from './read-xlsx-tables.js';
import { SHEET_LIMITS, SheetLimitError } from './sheet-limits.js';
import { cellAt, type CellValue, type SheetTable } from './sheet-table.js';

export type SheetProblem = { sheet: string; row: number; column: string | null; columnName: string | null; message: string };

/** Where each field of a bid input came from: input path -> cell. */
export type CellOrigin = { sheet: string; row: number; column: string; columnName: string };

export type SheetBid = { row: number; input: NewBidInput; origins: Map<string, CellOrigin> };

export type SheetReadResult = { bids: SheetBid[]; problems: SheetProblem[] };

const isBlank = (value: CellValue) => value === null || (typeof value === 'string' && value.trim() === '');

function readNumber(value: CellValue): unknown {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseDutchNumber(value);
  return value ?? undefined;
}

/**
 * An amount in euros: a number cell as it is, a text cell by the rules of every form
 * (`parseMoneyText`), so that "400.000" is four hundred thousand and "400,000" is refused at
 * its cell rather than read as four hundred.
 */
function readMoney(value: CellValue, at: { sheet: string; row: number; origin: CellOrigin | undefined }, problems: SheetProblem[]): unknown {
  if (typeof value !== 'string') return readNumber(value);
  const read = parseMoneyText(value);
  if (read.ok) return read.value;
  problems.push({ sheet: at.sheet, row: at.row, column: at.origin?.column ?? null, columnName: at.origin?.columnName ?? null, message: read.message });
  return value.trim();
}

/** A KvK number typed into a number cell loses its leading zero ("05123456" -> 5123456): pad it back. */
function readKvk(value: CellValue): unknown {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e8) return String(value).padStart(8, '0');
  return typeof value === 'string' ? value.trim() : value;
}

const YES = new Set(['ja', 'j', 'yes', 'true', 'waar', '1', 'x']);
const NO = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0', '']);
function readYesNo(value: CellValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return undefined;
}

type Columns<T extends readonly ColumnSpec[]> = Map<T[number]['key'], number>;

function findColumns<T extends readonly ColumnSpec[]>(sheet: SheetTable, specs: T, problems: SheetProblem[]): Columns<T> {
  const columns: Columns<T> = new Map();
  const header = sheet.rows.find((row) => row.number === 1);
  header?.cells.forEach((cell, index) => {
    const spec = specs.find((s) => matchesColumn(s, String(cell ?? '')));
    if (spec !== undefined && !columns.has(spec.key)) columns.set(spec.key, index + 1);
  });
  for (const spec of specs) {
    if (spec.required && !columns.has(spec.key)) {
      problems.push({ sheet: sheet.name, row: 1, column: null, columnName: spec.header, message: `kolom "${spec.header}" ontbreekt in de kopregel` });
    }
  }
  return columns;
}

function origin(sheet: SheetTable, row: number, index: number, spec: ColumnSpec): CellOrigin {
  return { sheet: sheet.name, row, column: columnLetter(index), columnName: spec.header };
}

/** The address cells that are filled in, as text; an empty cell leaves its field out. */
function addressOf(values: ReadonlyMap<string, CellValue>): ProviderAddress {
  const address: ProviderAddress = {};
  for (const key of PROVIDER_ADDRESS_KEYS) {
    const value = values.get(`provider.${key}`) ?? null;
    if (!isBlank(value)) address[key] = String(value).trim();
  }
  return address;
}

function readBids(sheet: SheetTable, problems: SheetProblem[]): SheetBid[] {
  const columns = findColumns(sheet, BID_COLUMNS, problems);
  const bids: SheetBid[] = [];
  for (const row of sheet.rows) {
    const rowNumber = row.number;
    if (rowNumber === 1) continue;
    const values = new Map(BID_COLUMNS.map((spec) => [spec.key, columns.has(spec.key) ? cellAt(row, columns.get(spec.key) ?? 0) : null]));
    if ([...values.values()].every(isBlank)) continue;
    const origins = new Map<string, CellOrigin>();
    for (const spec of BID_COLUMNS) {
      const index = columns.get(spec.key);
      if (index !== undefined) origins.set(spec.key, origin(sheet, rowNumber, index, spec));
    }
    const keurmerk = readYesNo(values.get('provider.keurmerk') ?? null);
    if (keurmerk === undefined) {
      const at = origins.get('provider.keurmerk');
      problems.push({ sheet: sheet.name, row: rowNumber, column: at?.column ?? null, columnName: at?.columnName ?? null, message: 'vul ja of nee in' });
    }
    const id = values.get('id');
    const price = values.get('price') ?? null;
    const input: NewBidInput = {
      provider: {
        name: String(values.get('provider.name') ?? '').trim(),
        kvk: readKvk(values.get('provider.kvk') ?? null),
        keurmerk,
        ...addressOf(values),
      },
      ...(isBlank(price) ? {} : { price: readMoney(price, { sheet: sheet.name, row: rowNumber, origin: origins.get('price') }, problems) }),
    };
    if (!isBlank(id ?? null)) input.id = String(id).trim();
    bids.push({ row: rowNumber, input, origins });
  }
  return bids;
}

/** Adds the "Prijsregels" sheet's lines to their bids, by bid number. */
function attachPriceLines(sheet: SheetTable, bids: SheetBid[], problems: SheetProblem[]): void {
  const columns = findColumns(sheet, PRICE_LINE_COLUMNS, problems);
  const byId = new Map(bids.filter((b) => b.input.id !== undefined).map((b) => [b.input.id as string, b]));
  for (const row of sheet.rows) {
    const rowNumber = row.number;
    if (rowNumber === 1) continue;
    const value = (key: (typeof PRICE_LINE_COLUMNS)[number]['key']) => {
      const index = columns.get(key);
      return index === undefined ? null : cellAt(row, index);
    };
    if (PRICE_LINE_COLUMNS.every((spec) => isBlank(value(spec.key)))) continue;
    const bidColumn = columns.get('bid') ?? 1;
    const bid = byId.get(String(value('bid') ?? '').trim());
    if (bid === undefined) {
      problems.push({
        sheet: sheet.name,
        row: rowNumber,
        column: columnLetter(bidColumn),
        columnName: 'Nummer',
        message: `geen inschrijving met nummer "${String(value('bid') ?? '')}" op het blad ${BIDS_SHEET}`,
      });
      continue;
    }
    const lines = (bid.input.priceLines ?? []) as unknown[];
    const at = `priceLines[${lines.length}]`;
    for (const spec of PRICE_LINE_COLUMNS) {
      const index = columns.get(spec.key);
      if (index !== undefined && spec.key !== 'bid') bid.origins.set(`${at}.${spec.key}`, origin(sheet, rowNumber, index, spec));
    }
    bid.origins.set(at, origin(sheet, rowNumber, bidColumn, PRICE_LINE_COLUMNS[0]));
    const unitPrice = readMoney(value('unitPrice'), { sheet: sheet.name, row: rowNumber, origin: bid.origins.get(`${at}.unitPrice`) }, problems);
    lines.push({ description: String(value('description') ?? '').trim(), quantity: readNumber(value('quantity')), unitPrice });
    bid.input.priceLines = lines;
  }
}

async function readTables(fileName: string, bytes: Uint8Array): Promise<SheetTable[]> {
  return /\.csv$/i.test(fileName) ? [await readCsvTable(bytes, BIDS_SHEET)] : readXlsxTables(bytes);
}

/**
 * Throws `SheetLimitError` (the import answers 413) for a file beyond `SHEET_LIMITS`; every
 * other problem, an unreadable file included, comes back in `problems`.
 * @example const { bids, problems } = await readBidSheet({ fileName: 'inschrijvingen.xlsx', bytes });
 */
export async function readBidSheet({ fileName, bytes }: { fileName: string; bytes: Uint8Array }): Promise<SheetReadResult> {
  if (bytes.byteLength > SHEET_LIMITS.fileBytes) throw new SheetLimitError('fileBytes');
  const problems: SheetProblem[] = [];
  let tables: SheetTable[];
  try {
    tables = await readTables(fileName, bytes);
  } catch (error) {
    // Beyond a limit is the 413; anything else the readers refuse (a broken zip or XML, an
    // unterminated quote) only means the file cannot be read.
    if (error instanceof SheetLimitError) throw error;
    const message = /\.csv$/i.test(fileName) ? 'het bestand is geen leesbaar CSV-bestand' : 'het bestand is geen leesbaar Excel-bestand (.xlsx)';
    return { bids: [], problems: [{ sheet: fileName, row: 1, column: null, columnName: null, message }] };
  }
  const sheet = tables.find((t) => t.name === BIDS_SHEET) ?? tables[0];
  if (sheet === undefined)
    return { bids: [], problems: [{ sheet: fileName, row: 1, column: null, columnName: null, message: 'het bestand heeft geen werkblad' }] };
  const bids = readBids(sheet, problems);
  const lines = tables.find((t) => t.name === PRICE_LINES_SHEET);
  if (lines !== undefined && lines !== sheet) attachPriceLines(lines, bids, problems);
  if (bids.length === 0 && problems.length === 0) {
    problems.push({ sheet: sheet.name, row: 2, column: null, columnName: null, message: 'het blad bevat geen inschrijvingen' });
  }
  return { bids, problems };
}
