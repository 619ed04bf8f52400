/**
 * @module
 * The structure tree of a tagged report (ISO 32000-1 §14.8): what a screen reader reads and
 * what a reader's "reflow" and text export follow. Every drawing primitive tags what it draws:
 * headings (H1-H3), paragraphs (P), lists (L, LI, Lbl, LBody), tables (Table, TR, TH, TD), the
 * chart as a Figure with its alternative text; rules, fills, frames, page footers and a table
 * header repeated on a new page are artifacts (§14.8.2.2), which a reader skips.
 *
 * pdfkit marks content per page and continues a marked run when its own text wrapping starts a
 * new page; a page started by our code (`ensureSpace`) happens between marked runs, never
 * inside one. Marked content does not nest here: `tagged` and `artifact` are leaves.
 */
import type { PdfDocument } from './pdf-document-type.js';

type Element = PDFKit.PDFStructureElement;

const stacks = new WeakMap<PdfDocument, Element[]>();

/** Opens the document's root element (`Document`); startPdf calls it once. */
export function startStructure(doc: PdfDocument): void {
  const root = doc.struct('Document');
  doc.addStructure(root);
  stacks.set(doc, [root]);
}

function stackOf(doc: PdfDocument): Element[] {
  const stack = stacks.get(doc);
  if (stack === undefined || stack.length === 0) throw new Error('het document heeft geen structuur (startPdf maakt die)');
  return stack;
}

function current(doc: PdfDocument): Element {
  const stack = stackOf(doc);
  return stack[stack.length - 1] as Element;
}

export type StructureOptions = {
  /** Alternative text, for a Figure. */
  alt?: string;
  /** A table header cell's scope (§14.8.5.7): `Column` for a column header, `Row` for a row's label. */
  scope?: 'Column' | 'Row';
};

function createElement(doc: PdfDocument, type: string, options: StructureOptions): Element {
  const element = doc.struct(type, options.alt === undefined ? {} : { alt: options.alt });
  if (options.scope !== undefined) {
    // pdfkit has no option for attributes; the element's dictionary takes them as any other key.
    (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { O: 'Table', Scope: options.scope };
  }
  current(doc).add(element);
  return element;
}

/**
 * Draws `draw`'s content as a group (Sect, Table, TR, L, LI, Div) whose children are tagged
 * inside it.
 * @example group(doc, 'L', () => items.forEach(drawItem));
 */
export function group<T>(doc: PdfDocument, type: string, draw: () => T, options: StructureOptions = {}): T {
  const element = createElement(doc, type, options);
  const stack = stackOf(doc);
  stack.push(element);
  try {
    return draw();
  } finally {
    stack.pop();
    element.end();
  }
}

/**
 * Draws `draw`'s content as one leaf element (H1, P, TD, Lbl, Figure, ...). `draw` must not
 * start a page itself; pdfkit's text wrapping may.
 * @example tagged(doc, 'P', () => doc.text(text, x, y, { width }));
 */
export function tagged(doc: PdfDocument, type: string, draw: () => void, options: StructureOptions = {}): void {
  const element = createElement(doc, type, options);
  const content = doc.markStructureContent(type);
  draw();
  doc.endMarkedContent();
  element.add(content);
  element.end();
}

/**
 * Draws `draw`'s content as an artifact: decoration or repetition that is not part of the
 * document's text (`Layout`), or a page's header or footer (`Pagination`).
 */
export function artifact(doc: PdfDocument, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}
