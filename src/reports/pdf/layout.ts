/**
 * @module
 * The few layout primitives every report uses: headings, paragraphs, label-value rows and a
 * framed notice, each tagged in the structure tree (structure.ts). All text passes through
 * `fitText` (printable in the embedded fonts, and long words broken once, so layout is linear
 * in the text's length; see fit-text.ts). Positions are explicit (left margin, current y) so
 * that a helper never depends on where the previous one left x.
 */
import { fitText } from './fit-text.js';
import { FONT } from './fonts.js';
import type { PdfDocument } from './pdf-document-type.js';
import { artifact, group, tagged } from './structure.js';

export { FONT };

export const COLOR = {
  text: '#1a1a1a',
  muted: '#555555',
  accent: '#1f4e79',
  winner: '#2e7d32',
  warning: '#b00020',
  warningFill: '#fdecee',
  headerFill: '#e8eef5',
  zebraFill: '#f6f8fa',
  rule: '#c8d0da',
} as const;

export const SIZE = { body: 9.5, small: 8, h1: 15, h2: 11.5, h3: 10 } as const;

export function contentWidth(doc: PdfDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function bottomOf(doc: PdfDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/**
 * The height of `text` wrapped to `width` in the current font. pdfkit's heightOfString runs
 * its whole line wrapper; most table cells and labels fit on one line, which widthOfString
 * tells at a quarter of the cost (it makes a 20-bid report about a third faster).
 */
export function textHeight(doc: PdfDocument, text: string, width: number): number {
  if (text === '') return 0;
  if (!text.includes('\n') && doc.widthOfString(text) <= width) return doc.currentLineHeight(true);
  return doc.heightOfString(text, { width });
}

/** Starts a new page unless `height` points still fit, so a block is not split at its start. */
export function ensureSpace(doc: PdfDocument, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

/** Where each document's last heading ended: the page and the y its content starts at. */
const headingEnds = new WeakMap<PdfDocument, { page: unknown; y: number }>();

/**
 * Whether nothing has been drawn since a heading ended on this page. A block that follows a
 * heading then starts below it and flows on to the next page, rather than moving there
 * whole and leaving the heading alone at the foot of the page (keep-with-next): the heading
 * made sure that a few lines fit.
 */
export function rightAfterHeading(doc: PdfDocument): boolean {
  const end = headingEnds.get(doc);
  return end !== undefined && end.page === doc.page && end.y === doc.y;
}

/**
 * A heading, kept on one page with what follows it: `keepWithNext` points of its content (by
 * default a few lines) must fit below it, or it starts on the next page; the label-value
 * rows and lists that follow it start below it (`rightAfterHeading`).
 */
export function heading(doc: PdfDocument, options: { text: string; level: 1 | 2 | 3; keepWithNext?: number }): void {
  const size = options.level === 1 ? SIZE.h1 : options.level === 2 ? SIZE.h2 : SIZE.h3;
  doc.font(FONT.bold).fontSize(size);
  const text = fitText(doc, options.text, contentWidth(doc));
  const own = (options.level === 1 ? 14 : 8) + textHeight(doc, text, contentWidth(doc));
  ensureSpace(doc, Math.min(own + (options.keepWithNext ?? 4 * 12), pageSpace(doc)));
  doc.y += options.level === 1 ? 10 : 6;
  doc
    .font(FONT.bold)
    .fontSize(size)
    .fillColor(options.level === 3 ? COLOR.text : COLOR.accent);
  tagged(doc, `H${options.level}`, () => doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) }));
  doc.y += options.level === 1 ? 4 : 2;
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text);
  headingEnds.set(doc, { page: doc.page, y: doc.y });
}

export type ParagraphOptions = {
  text: string;
  size?: number;
  color?: string;
  font?: string;
  indent?: number;
  /** Space after, in points. */
  after?: number;
};

export function paragraph(doc: PdfDocument, options: ParagraphOptions): void {
  const indent = options.indent ?? 0;
  const width = contentWidth(doc) - indent;
  doc
    .font(options.font ?? FONT.regular)
    .fontSize(options.size ?? SIZE.body)
    .fillColor(options.color ?? COLOR.text);
  const text = fitText(doc, options.text, width);
  tagged(doc, 'P', () => doc.text(text, doc.page.margins.left + indent, doc.y, { width }));
  doc.y += options.after ?? 4;
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text);
}

export function bulletList(doc: PdfDocument, options: { items: readonly string[] }): void {
  const left = doc.page.margins.left;
  group(doc, 'L', () => {
    for (const item of options.items) {
      const text = fitText(doc.font(FONT.regular).fontSize(SIZE.body), item, contentWidth(doc) - 12);
      const height = textHeight(doc, text, contentWidth(doc) - 12);
      ensureSpace(doc, Math.min(height, rightAfterHeading(doc) ? 2 * doc.currentLineHeight(true) : pageSpace(doc)));
      const y = doc.y;
      group(doc, 'LI', () => {
        tagged(doc, 'Lbl', () => doc.fillColor(COLOR.text).text('-', left, y, { width: 10 }));
        tagged(doc, 'LBody', () => doc.text(text, left + 12, y, { width: contentWidth(doc) - 12 }));
      });
      doc.y += 2;
    }
  });
  doc.y += 2;
}

/** The height of a page's content area: what a block taller than this cannot be kept within. */
function pageSpace(doc: PdfDocument): number {
  return bottomOf(doc) - doc.page.margins.top;
}

/**
 * Label-value rows, the label in a fixed column; a value may wrap over several lines, and a
 * value longer than a page (a motivation of thousands of words) flows on to the next pages.
 */
export function labelledRows(doc: PdfDocument, options: { rows: readonly (readonly [string, string])[]; labelWidth?: number }): void {
  const left = doc.page.margins.left;
  // Wide enough for the longest label on one line (a label over two lines reads as a column
  // of its own in text extraction), up to 40% of the width.
  doc.font(FONT.bold).fontSize(SIZE.body);
  const widestLabel = Math.max(0, ...options.rows.map(([label]) => (label.length > 80 ? Infinity : doc.widthOfString(label) + 2)));
  const labelWidth = Math.min(Math.max(options.labelWidth ?? 150, widestLabel), contentWidth(doc) * 0.4);
  const valueWidth = contentWidth(doc) - labelWidth - 8;
  for (const [label, value] of options.rows) {
    doc.fontSize(SIZE.body);
    const labelText = fitText(doc.font(FONT.bold), label, labelWidth);
    const valueText = fitText(doc.font(FONT.regular), value, valueWidth);
    const height = Math.max(textHeight(doc.font(FONT.bold), labelText, labelWidth), textHeight(doc.font(FONT.regular), valueText, valueWidth));
    // A value taller than a page, or one right under its heading, flows on to the next page.
    ensureSpace(doc, height > pageSpace(doc) || rightAfterHeading(doc) ? Math.min(height, 4 * doc.currentLineHeight(true)) : height);
    const y = doc.y;
    const page = doc.page;
    // A label and its value read as one sentence: "Kenmerk: ZW-2027-01".
    tagged(doc, 'P', () => {
      doc.font(FONT.bold).fillColor(COLOR.muted).text(labelText, left, y, { width: labelWidth });
      doc
        .font(FONT.regular)
        .fillColor(COLOR.text)
        .text(valueText, left + labelWidth + 8, y, { width: valueWidth });
    });
    // pdfkit continued a long value on a new page: go on from where it ended.
    doc.y = doc.page === page ? y + height + 3 : doc.y + 3;
  }
  doc.y += 2;
}

/** A framed notice, e.g. the development-certificate warning on a cover. */
export function notice(doc: PdfDocument, options: { title: string; text: string; color: string; fill: string }): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const padding = 8;
  const title = fitText(doc.font(FONT.bold).fontSize(SIZE.h3), options.title, width - 2 * padding);
  const text = fitText(doc.font(FONT.regular).fontSize(SIZE.body), options.text, width - 2 * padding);
  const titleHeight = doc
    .font(FONT.bold)
    .fontSize(SIZE.h3)
    .heightOfString(title, { width: width - 2 * padding });
  const textHeight = doc
    .font(FONT.regular)
    .fontSize(SIZE.body)
    .heightOfString(text, { width: width - 2 * padding });
  const height = titleHeight + textHeight + 2 * padding + 3;
  ensureSpace(doc, height);
  const top = doc.y;
  artifact(doc, () => doc.save().lineWidth(1.5).rect(left, top, width, height).fillAndStroke(options.fill, options.color).restore());
  group(doc, 'Div', () => {
    tagged(doc, 'P', () =>
      doc
        .font(FONT.bold)
        .fontSize(SIZE.h3)
        .fillColor(options.color)
        .text(title, left + padding, top + padding, { width: width - 2 * padding }),
    );
    tagged(doc, 'P', () =>
      doc
        .font(FONT.regular)
        .fontSize(SIZE.body)
        .fillColor(COLOR.text)
        .text(text, left + padding, doc.y + 3, { width: width - 2 * padding }),
    );
  });
  doc.y = top + height + 8;
}
