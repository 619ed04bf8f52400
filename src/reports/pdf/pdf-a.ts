/**
 * @module
 * The two parts of PDF/A that pdfkit's own `subset: 'PDF/A-3b'` does not do the way an
 * archive needs them, put in its place on one document:
 * - the XMP packet: pdfkit writes the Info values into XML unescaped and leaves out
 *   xmp:ModifyDate, so a title with `&` breaks the packet and a ModDate has no XMP twin
 *   (ISO 19005-3 §6.6.2.3.1); xmp.ts writes the whole packet instead;
 * - the output intent's ICC profile: pdfkit's bundled sRGB profile carries no licence, so the
 *   project vendors an openly licensed one (assets/color/, zlib licence) and embeds that.
 * Both replace methods that pdfkit 0.20.2 (pinned exactly) mixes into the document; the tests
 * read the XMP and the output intent back from every report, so a pdfkit upgrade that moves
 * them fails there rather than in an archive.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../../lib/package-root.js';
import type { PdfDocument } from './pdf-document-type.js';
import { type XmpFields, xmpDescriptions } from './xmp.js';

let profile: Buffer | undefined;

/** The vendored sRGB profile, read once per process. */
export function srgbProfile(): Buffer {
  profile ??= readFileSync(packagePath('assets', 'color', 'sRGB.icc'));
  return profile;
}

/** The identifier both the output intent and the tests use. */
export const OUTPUT_CONDITION = 'sRGB IEC61966-2.1';

type PdfAInternals = {
  _addInfo: () => void;
  _addColorOutputIntent: () => void;
  _addPdfaMetadata: () => void;
  appendXML: (xml: string, newline?: boolean) => void;
  ref: (data: object) => PDFKit.PDFKitReference & { write: (chunk: Buffer) => void; end: () => void };
  _root: { data: Record<string, unknown> };
};

/** The document's XMP packet is `fields`, written when the document ends. */
export function useXmp(doc: PdfDocument, fields: XmpFields): void {
  const internals = doc as unknown as PdfAInternals;
  internals._addInfo = () => internals.appendXML(xmpDescriptions(fields));
  // xmp.ts writes the PDF/A identification itself; pdfkit's would repeat it.
  internals._addPdfaMetadata = () => {};
}

/** The GTS_PDFA1 output intent with the vendored sRGB profile (ISO 19005-3 §6.2.3). */
export function useOutputIntent(doc: PdfDocument): void {
  const internals = doc as unknown as PdfAInternals;
  internals._addColorOutputIntent = () => {
    const icc = srgbProfile();
    const stream = internals.ref({ N: 3, Length: icc.length });
    stream.write(icc);
    stream.end();
    const intent = internals.ref({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      Info: new String(OUTPUT_CONDITION),
      OutputConditionIdentifier: new String(OUTPUT_CONDITION),
      DestOutputProfile: stream,
    });
    intent.end();
    internals._root.data.OutputIntents = [intent];
  };
}
