/**
 * @module
 * Fewer, larger writes inside pdfkit (0.20), for the same bytes. pdfkit turns every content
 * operator of a page ("BT", "1 0 0 1 56 700 Tm", ...) into a typed array of its own, and
 * pushes every line of the file (object headers, dictionaries, xref entries) through its
 * readable stream one by one; for a 20-bid report that is tens of thousands of small
 * allocations and stream events, and garbage collection was a third of the time
 * (bench/report.bench.ts). Here a page's operators are kept as strings and written to its
 * content stream once, when the page ends, and the file's lines are pushed as one buffer
 * when the file is complete. The text written is exactly what pdfkit would write: every
 * chunk followed by a newline, in the same order, converted byte for byte (latin1, as
 * pdfkit's own conversion keeps each character's low byte).
 */
import type { PdfDocument } from './pdf-document-type.js';

type Chunk = string | Uint8Array;
type Page = { write(chunk: Chunk): unknown; end(): unknown };
type Internals = {
  page: Page;
  _offset: number;
  _write(data: Chunk): void;
  push(chunk: Buffer | null): boolean;
};

function toBytes(data: Chunk): Uint8Array {
  return data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
}

/** Collects a page's content operators and writes them in one piece when the page ends. */
function batchPage(page: Page): void {
  const parts: string[] = [];
  const write = page.write.bind(page);
  const flush = () => {
    if (parts.length === 0) return;
    // Each chunk ends in a newline, as pdfkit writes it.
    write(Buffer.from(`${parts.join('\n')}\n`, 'latin1'));
    parts.length = 0;
  };
  page.write = (chunk) => {
    if (typeof chunk === 'string') {
      parts.push(chunk);
      return;
    }
    flush();
    return write(chunk);
  };
  const end = page.end.bind(page);
  page.end = () => {
    flush();
    return end();
  };
}

/**
 * Makes `doc` write in larger pieces. Call once, right after creating it (the file's header
 * and the first page's first operator, written in pdfkit's constructor, stay as they are
 * and keep their place).
 */
export function batchPdfOutput(doc: PdfDocument): void {
  const internals = doc as unknown as Internals;
  batchPage(internals.page);
  doc.on('pageAdded', () => batchPage(internals.page));

  const pending: Uint8Array[] = [];
  internals._write = (data) => {
    const bytes = toBytes(data);
    pending.push(bytes);
    internals._offset += bytes.length;
  };
  const push = internals.push.bind(doc);
  internals.push = (chunk) => {
    // pdfkit pushes only from _write (replaced above) and null when the file is complete.
    if (chunk === null && pending.length > 0) {
      push(Buffer.concat(pending));
      pending.length = 0;
    }
    return push(chunk);
  };
}
