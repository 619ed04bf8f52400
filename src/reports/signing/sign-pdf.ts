/**
 * @module
 * Puts a PDF signature on a finished PDF: @signpdf/placeholder-plain appends (as an
 * incremental update) a signature field whose /ByteRange covers the whole file except the
 * /Contents hole, and @signpdf/signpdf fills that hole with the CMS that `createCms` makes
 * over the covered bytes. The result is what `pdfsig` calls "Total document signed".
 * The SubFilter is `ETSI.CAdES.detached` (PAdES, ETSI EN 319 142-1 §5.3); the claimed signing
 * time is the dictionary's /M, since PAdES forbids it inside the CMS.
 */
import { createHash } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED, Signer } from '@signpdf/utils';

/** The CMS did not fit the reserved hole; `needed` is its length in bytes. */
export class SignatureTooLargeError extends Error {
  constructor(
    readonly needed: number,
    readonly reserved: number,
  ) {
    super(`de handtekening (${needed} bytes) past niet in de gereserveerde ruimte (${reserved} bytes)`);
    this.name = 'SignatureTooLargeError';
  }
}

/** Adapts a plain function to the Signer class that @signpdf/signpdf checks with instanceof. */
class CallbackSigner extends Signer {
  constructor(
    private readonly createCms: (content: Buffer) => Promise<Buffer>,
    private readonly reserved: number,
  ) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const cms = await this.createCms(content);
    // Said here rather than by @signpdf, so that the caller can retry with room enough.
    if (cms.length > this.reserved) throw new SignatureTooLargeError(cms.length, this.reserved);
    return cms;
  }
}

export type SignPdfOptions = {
  pdf: Buffer;
  /** Written as the signature dictionary's /M. */
  signingTime: Date;
  /** Bytes reserved for the CMS; the hex hole is twice as long. */
  signatureLength: number;
  /** Shown by PDF readers as the signer's name. */
  name: string;
  reason: string;
  location: string;
  createCms: (content: Buffer) => Promise<Buffer>;
};

const ID = /\/ID\s*\[\s*<([0-9A-Fa-f]+)>/;

/**
 * The incremental update's trailer with an /ID: PDF/A requires one in the file's last trailer
 * (ISO 19005-3 §6.1.3), and @signpdf writes the update's trailer without it. The first part
 * stays the original's permanent identifier, the second changes with the update (ISO
 * 32000-1 §14.4). Written inside the trailer dictionary, after the cross-reference section
 * that `startxref` points to, so no offset moves; and before signing, so it is signed.
 */
function withTrailerId(pdf: Buffer, original: Buffer): Buffer {
  const marker = Buffer.from('trailer\n<<\n');
  const at = pdf.lastIndexOf(marker);
  const permanent = ID.exec(original.subarray(original.lastIndexOf('trailer')).toString('latin1'))?.[1];
  if (at === -1 || permanent === undefined || ID.test(pdf.subarray(at).toString('latin1'))) return pdf;
  const changing = createHash('md5').update(pdf).digest('hex');
  const insert = Buffer.from(`/ID [<${permanent}> <${changing}>]\n`);
  return Buffer.concat([pdf.subarray(0, at + marker.length), insert, pdf.subarray(at + marker.length)]);
}

/**
 * @example const signed = await signPdf({ pdf, signingTime, signatureLength: 8192, name, reason, location, createCms });
 * @throws SignatureTooLargeError when the CMS is longer than `signatureLength`.
 */
export async function signPdf(options: SignPdfOptions): Promise<Buffer> {
  const withPlaceholder = withTrailerId(
    plainAddPlaceholder({
      pdfBuffer: options.pdf,
      reason: options.reason,
      contactInfo: '',
      name: options.name,
      location: options.location,
      signingTime: options.signingTime,
      signatureLength: options.signatureLength,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'Gunningswijzer',
    }),
    options.pdf,
  );
  return new SignPdf().sign(withPlaceholder, new CallbackSigner(options.createCms, options.signatureLength), options.signingTime);
}
