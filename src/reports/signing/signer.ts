/**
 * @module
 * What signs a report, and what a report says about the certificate that signed it. The
 * renderers and the server only see this small interface, so the P12 file of today can become
 * a key in an HSM later without touching them (cf. documenso's signing transport).
 */
import type { KeyObject } from 'node:crypto';

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
  /** The signing certificate itself (DER), whose public key verifies `signBytes`. */
  certificateDer: Buffer;
  /**
   * A plain signature over `data` with the same private key (SHA-256; RSA PKCS#1 v1.5 or
   * ECDSA in DER, by the key's type): the audit trail's signed heads, which are not PDFs.
   */
  signBytes(data: Uint8Array): Buffer;
};

/**
 * The digest of a `signBytes` signature for this key, to sign and to verify alike: Ed25519
 * and Ed448 hash internally and take none; RSA and ECDSA use SHA-256.
 */
export function signBytesDigest(key: KeyObject): string | null {
  return key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448' ? null : 'sha256';
}
