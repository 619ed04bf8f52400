/**
 * @module
 * The parts of an .xlsx (a zip) that the bid import reads, unpacked within `SHEET_LIMITS`.
 * yauzl reads the central directory first, so the number of parts, of worksheets and the
 * sizes the archive declares are judged before a byte is inflated. Declared sizes can lie:
 * yauzl stops a part's inflation the moment it passes its declared size
 * (`validateEntrySizes`; the file is then unreadable), and the bytes actually inflated are
 * counted here against what is left of the budget as well. Parts the import does not need (images, themes, printer
 * settings) are never inflated.
 */
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { SHEET_LIMITS, SheetLimitError } from './sheet-limits.js';

/** The parts exceljs's streaming reader uses; the rest of a workbook does not hold values. */
export const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
/** Parts that describe the workbook rather than hold its values; exceljs builds a model of every entry in them. */
const METADATA_PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);

const isNeeded = (name: string) => METADATA_PARTS.has(name) || name === 'xl/sharedStrings.xml' || WORKSHEET_PART.test(name);

/** The file is no zip, or a damaged or encrypted one: not a limit, just unreadable. */
export class UnreadableArchiveError extends Error {}

async function inflate(stream: Readable, budget: { left: number }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    budget.left -= chunk.length;
    if (budget.left < 0) {
      stream.destroy();
      throw new SheetLimitError('expandedBytes');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The workbook, relations, shared strings, styles and worksheets of an .xlsx, by part name.
 * @example const parts = await readXlsxParts(bytes); parts.get('xl/worksheets/sheet1.xml')
 */
export async function readXlsxParts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile;
  try {
    // Loaded by the first spreadsheet, not at the server's start (docs/build.md).
    const { default: unzip } = await import('yauzl');
    zip = await unzip.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw new UnreadableArchiveError();
  }
  // The count sits in the end-of-central-directory record: known before any entry is read.
  if (zip.entryCount > SHEET_LIMITS.entries) throw new SheetLimitError('entries');
  const wanted: yauzl.Entry[] = [];
  let declared = 0;
  let worksheets = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (!isNeeded(entry.fileName)) continue;
      if (entry.isEncrypted()) throw new UnreadableArchiveError();
      if (WORKSHEET_PART.test(entry.fileName) && ++worksheets > SHEET_LIMITS.sheets) throw new SheetLimitError('sheets');
      if (METADATA_PARTS.has(entry.fileName) && entry.uncompressedSize > SHEET_LIMITS.metadataBytes) throw new SheetLimitError('metadataBytes', entry.fileName);
      declared += entry.uncompressedSize;
      if (declared > SHEET_LIMITS.expandedBytes) throw new SheetLimitError('expandedBytes');
      wanted.push(entry);
    }
    const budget = { left: SHEET_LIMITS.expandedBytes };
    const parts = new Map<string, Buffer>();
    for (const entry of wanted) parts.set(entry.fileName, await inflate(await zip.openReadStreamPromise(entry), budget));
    return parts;
  } catch (error) {
    if (error instanceof SheetLimitError) throw error;
    // yauzl's own refusals: a part larger than it says (stopped there), a bad offset, a broken deflate stream.
    throw new UnreadableArchiveError();
  } finally {
    zip.close();
  }
}
