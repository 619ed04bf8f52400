/**
 * @module
 * Puts a PDF signature on a finished PDF: @signpdf/placeholder-plain appends (as an
 * incremental update) a signature field whose /ByteRange covers the whole file except the
 * /Contents hole, and @signpdf/signpdf fills that hole with the CMS that `createCms` makes
 * over the covered bytes. The result is what `pdfsig` calls "Total document signed".
 */
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ADOBE_PKCS7_DETACHED, Signer } from '@signpdf/utils';

/** Adapts a plain function to the Signer class that @signpdf/signpdf checks with instanceof. */
class CallbackSigner extends Signer {
  constructor(private readonly createCms: (content: Buffer, signingTime: Date) => Buffer) {
    super();
  }

  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    return this.createCms(content, signingTime ?? new Date());
  }
}

export type SignPdfOptions = {
  pdf: Buffer;
  signingTime: Date;
  /** Bytes reserved for the CMS; the hex hole is twice as long. */
  signatureLength: number;
  /** Shown by PDF readers as the signer's name. */
  name: string;
  reason: string;
  location: string;
  createCms: (content: Buffer, signingTime: Date) => Buffer;
};

/**
 * @example const signed = await signPdf({ pdf, signingTime, signatureLength: 8192, name, reason, location, createCms });
 */
export async function signPdf(options: SignPdfOptions): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: options.pdf,
    reason: options.reason,
    contactInfo: '',
    name: options.name,
    location: options.location,
    signingTime: options.signingTime,
    signatureLength: options.signatureLength,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: 'Gunningswijzer',
  });
  return new SignPdf().sign(withPlaceholder, new CallbackSigner(options.createCms), options.signingTime);
}
