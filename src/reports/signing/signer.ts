/**
 * @module
 * What signs a report, and what a report says about the certificate that signed it. The
 * renderers and the server only see this small interface, so the P12 file of today can become
 * a key in an HSM later without touching them (cf. documenso's signing transport).
 */

/** The signing certificate as a reader of the report sees it on the cover. */
export type CertificateInfo = {
  /** Distinguished name, e.g. `CN=Gemeente Zwolle, O=Gemeente Zwolle, C=NL`. */
  subject: string;
  issuer: string;
  /** ISO 8601 timestamps. */
  validFrom: string;
  validTo: string;
  /** SHA-256 over the DER certificate, uppercase hex pairs joined by colons. */
  fingerprintSha256: string;
  /** A self-signed certificate made by this server for development: no legal standing. */
  development: boolean;
};

export type SignOptions = {
  /** The time put in the signature; pass the report's `generatedAt` so both say the same. */
  signingTime?: Date;
};

export type ReportSigner = {
  /** Returns the PDF with a signature (`adbe.pkcs7.detached`) covering the whole document. */
  sign(pdf: Buffer, options?: SignOptions): Promise<Buffer>;
  certificate: CertificateInfo;
};
