/**
 * @module
 * The downloadable example sheet: the four bids of the B1-route example dossier
 * (`templates/examples/b1-route-ijsselland.dossier.json`) in the layout the import reads,
 * written with exceljs, so the example always imports cleanly. exceljs is loaded on the
 * first download, not at the server's start (docs/build.md).
 */
import { readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { Dossier } from '../../domain/evaluation/dossier.js';
import { packagePath } from '../../lib/package-root.js';
import { BID_COLUMNS, BIDS_SHEET, PRICE_LINE_COLUMNS, PRICE_LINES_SHEET } from './bid-sheet-layout.js';

const EXAMPLE_DOSSIER = packagePath('templates', 'examples', 'b1-route-ijsselland.dossier.json');

function exampleBids(): Dossier['bids'] {
  return (JSON.parse(readFileSync(EXAMPLE_DOSSIER, 'utf8')) as Dossier).bids;
}

async function buildWorkbook({ withPriceLines }: { withPriceLines: boolean }): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  const bids = workbook.addWorksheet(BIDS_SHEET);
  bids.columns = BID_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length + 2) }));
  for (const bid of exampleBids()) {
    // KvK as text: as a number, "05123456" would lose its leading zero.
    bids.addRow([bid.id, bid.provider.name, bid.provider.kvk, bid.provider.keurmerk ? 'ja' : 'nee', bid.price ?? null]);
  }
  bids.getColumn(3).numFmt = '@';
  bids.getColumn(5).numFmt = '#,##0.00';
  bids.getRow(1).font = { bold: true };
  if (withPriceLines) {
    const lines = workbook.addWorksheet(PRICE_LINES_SHEET);
    lines.columns = PRICE_LINE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length + 2) }));
    for (const bid of exampleBids()) {
      for (const line of bid.priceLines ?? []) lines.addRow([bid.id, line.description, line.quantity, line.unitPrice]);
    }
    lines.getColumn(2).width = 50;
    lines.getColumn(4).numFmt = '#,##0.00';
    lines.getRow(1).font = { bold: true };
  }
  return workbook;
}

export async function exampleSheetXlsx(): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await (await buildWorkbook({ withPriceLines: true })).xlsx.writeBuffer());
}

/** The CSV holds one sheet only: the bids with their total price, semicolon-separated as a Dutch Excel reads it. */
export async function exampleSheetCsv(): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await (await buildWorkbook({ withPriceLines: false })).csv.writeBuffer({ formatterOptions: { delimiter: ';', writeBOM: true } });
  return new Uint8Array(buffer);
}
