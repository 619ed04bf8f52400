/**
 * @module
 * Reads what a signed report says about itself, with Mozilla's PDF.js (pdfjs-dist): its
 * embedded files (the EmbeddedFiles name tree), its XMP (PDF/A identification and the
 * Gunningswijzer properties: purpose, tender, signer), and its tagged text as a structure
 * tree, which is how `verify` finds the winner and the ranking the report prints: the cover's
 * "Winnaar" paragraph and the rows of the table under the ranking heading, read through the
 * tags rather than guessed from positions on the page.
 */

export type StructureNode = { role: string; text: string; children: StructureNode[] };

export type ReadDocument = {
  attachments: ReadonlyMap<string, Uint8Array>;
  /** `pdfaid:part` and `pdfaid:conformance`, e.g. `3B`; null when the XMP names none. */
  pdfa: string | null;
  /** The XMP's `gw:` properties by name (purpose, reportId, tenderReference, signer, ...). */
  record: Readonly<Record<string, string>>;
  /** The structure tree's top-level elements, page after page (an element on two pages appears twice). */
  elements: StructureNode[];
};

type PdfjsNode = { role?: string; type?: string; id?: string; children?: PdfjsNode[] };
type TextItem = { type?: string; id?: string; str?: string };

const GW_PROPERTIES = ['purpose', 'reportId', 'tenderReference', 'tenderTitle', 'buyer', 'signer', 'signingCertificateSha256', 'dossierSha256'];

function toNode(node: PdfjsNode, texts: ReadonlyMap<string, string>): StructureNode {
  const children: StructureNode[] = [];
  let text = '';
  for (const child of node.children ?? []) {
    if (child.type === 'content' && child.id !== undefined) text += texts.get(child.id) ?? '';
    else if (child.role !== undefined) {
      const element = toNode(child, texts);
      children.push(element);
      text += ` ${element.text}`;
    }
  }
  return { role: node.role ?? '', text: text.replace(/\s+/g, ' ').trim(), children };
}

/** The text of every marked-content sequence on a page, by its id. */
function markedTexts(items: readonly TextItem[]): Map<string, string> {
  const texts = new Map<string, string>();
  const open: string[] = [];
  for (const item of items) {
    if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? '');
    else if (item.type === 'endMarkedContent') open.pop();
    else if (item.str !== undefined) {
      const id = open[open.length - 1];
      if (id) texts.set(id, `${texts.get(id) ?? ''}${item.str}`);
    }
  }
  return texts;
}

/**
 * @example const read = await readDocument(bytes); read.attachments.get('dossier.json')
 * @throws when PDF.js cannot read the file at all.
 */
export async function readDocument(pdf: Uint8Array): Promise<ReadDocument> {
  // Loaded at the first check of a report, not at the server's start (about 150 ms of it, docs/build.md).
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // PDF.js takes ownership of the buffer it is given: a copy keeps the caller's bytes intact.
  const task = getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const document = await task.promise;
  try {
    const attachments = new Map<string, Uint8Array>();
    const found = ((await document.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
    for (const attachment of Object.values(found)) attachments.set(attachment.filename, attachment.content);
    const metadata = (await document.getMetadata()).metadata as { get(name: string): string | null } | null;
    const part = metadata?.get('pdfaid:part') ?? null;
    const conformance = metadata?.get('pdfaid:conformance') ?? null;
    const record: Record<string, string> = {};
    for (const name of GW_PROPERTIES) {
      // PDF.js keys the XMP properties in lower case.
      const value = metadata?.get(`gw:${name.toLowerCase()}`) ?? null;
      if (value !== null) record[name] = value;
    }
    const elements: StructureNode[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const tree = (await page.getStructTree()) as PdfjsNode | null;
      if (tree === null) continue;
      const texts = markedTexts((await page.getTextContent({ includeMarkedContent: true })).items as TextItem[]);
      const root = toNode(tree, texts);
      for (const top of root.children) elements.push(...(top.role === 'Document' ? top.children : [top]));
    }
    return { attachments, pdfa: part === null ? null : `${part}${conformance ?? ''}`, record, elements };
  } finally {
    await task.destroy();
  }
}
