/**
 * @module
 * What a received file really is, from its bytes and not from its name or the sender's
 * Content-Type: a PDF starts with `%PDF-` (ISO 32000-1, 7.5.2, within the first 1024 bytes
 * readers accept; we ask for the very start, as every producer writes it) and ends with a
 * cross-reference pointer `startxref` and `%%EOF` in its last kilobyte (7.5.5); an .xlsx is
 * a zip (local file header `PK\x03\x04`), whose parts the documents module checks (`xlsx-structure.ts`).
 */

export type FileKind = 'pdf' | 'xlsx';

/** The bytes that must open each kind of file. */
const MAGIC: Record<FileKind, readonly number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  xlsx: [0x50, 0x4b, 0x03, 0x04], // PK\x03\x04
};

/** How many leading bytes `kindOfHead` needs. */
export const HEAD_BYTES = 5;
/** How many trailing bytes `pdfTailIsComplete` looks at (ISO 32000-1 asks readers to look this far). */
export const TAIL_BYTES = 1024;

/**
 * The kind the first bytes announce, or null for anything else.
 * @example kindOfHead(new TextEncoder().encode('%PDF-1.7')) // 'pdf'
 */
export function kindOfHead(head: Uint8Array): FileKind | null {
  for (const kind of Object.keys(MAGIC) as FileKind[]) {
    const magic = MAGIC[kind];
    if (head.length >= magic.length && magic.every((byte, i) => head[i] === byte)) return kind;
  }
  return null;
}

/**
 * A PDF that was cut off (an interrupted upload, a truncated attachment) lacks its trailer:
 * `startxref` followed by `%%EOF` in the last kilobyte.
 * @example pdfTailIsComplete(new TextEncoder().encode('startxref\n1234\n%%EOF\n')) // true
 */
export function pdfTailIsComplete(tail: Uint8Array): boolean {
  // Every byte a character: the keywords are ASCII, whatever the bytes around them.
  const text = new TextDecoder('latin1').decode(tail);
  const eof = text.lastIndexOf('%%EOF');
  const xref = text.lastIndexOf('startxref');
  return eof !== -1 && xref !== -1 && xref < eof && /^startxref\s+\d+\s+%%EOF/.test(text.slice(xref));
}
