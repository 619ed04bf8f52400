/**
 * @module
 * Whether a received .xlsx is a workbook: a readable zip (central directory and all) with the
 * parts every workbook has (`[Content_Types].xml`, `xl/workbook.xml`), none encrypted, within
 * the part count the bid import allows (`src/web/sheet/sheet-limits.ts`, 500). Only the
 * central directory is read and nothing is inflated, so a zip bomb costs nothing here; the
 * price sheet is read by a person from the envelope, not imported (docs/two-envelopes.md).
 */

/** Parts in the archive, as the bid import's `SHEET_LIMITS.entries`. */
const MAX_ENTRIES = 500;
const REQUIRED_PARTS = ['[Content_Types].xml', 'xl/workbook.xml'];

/**
 * Null when the bytes are a workbook, else the Dutch reason they are not.
 * @example await xlsxProblem(bytes) // null
 */
export async function xlsxProblem(bytes: Buffer): Promise<string | null> {
  // Loaded by the first spreadsheet, not at the server's start (docs/build.md).
  const { default: unzip } = await import('yauzl');
  let zip: Awaited<ReturnType<typeof unzip.fromBufferPromise>>;
  try {
    zip = await unzip.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    return 'Het bestand is geen leesbaar .xlsx-bestand (het zip-archief is beschadigd).';
  }
  try {
    if (zip.entryCount > MAX_ENTRIES) return `Het .xlsx-bestand bestaat uit meer dan ${MAX_ENTRIES} onderdelen, het maximum.`;
    const found = new Set<string>();
    for await (const entry of zip.eachEntry()) {
      if (entry.isEncrypted()) return 'Het .xlsx-bestand is versleuteld; stuur het zonder wachtwoord.';
      found.add(entry.fileName);
    }
    const missing = REQUIRED_PARTS.filter((part) => !found.has(part));
    return missing.length === 0 ? null : `Het bestand is geen werkmap: het onderdeel ${missing.join(' en ')} ontbreekt.`;
  } catch {
    return 'Het bestand is geen leesbaar .xlsx-bestand (het zip-archief is beschadigd).';
  } finally {
    zip.close();
  }
}
