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
  /** The claimed signing time (/M); pass the report's `generatedAt` so both say the same. */
  signingTime?: Date;
};

/**
 * The PAdES baseline level (ETSI EN 319 142-1 §6): B-B is signed with the certificate bound
 * in; B-T adds an RFC 3161 timestamp from an authority, a trusted time beyond the signer's
 * own clock.
 */
export type SignatureLevel = 'B-B' | 'B-T';

export type ReportSigner = {
  /**
   * Returns the PDF with a PAdES signature (`ETSI.CAdES.detached`) covering the whole
   * document. At B-T a failing authority rejects with a `TimestampError` (timestamp-client.ts).
   */
  sign(pdf: Buffer, options?: SignOptions): Promise<Buffer>;
  certificate: CertificateInfo;
  /** The signing certificate itself (DER), whose public key verifies `signBytes`. */
  certificateDer: Buffer;
  /**
   * A plain signature over `data` with the same private key (SHA-256; RSA PKCS#1 v1.5 or
   * ECDSA in DER, by the key's type): the audit trail's signed heads, which are not PDFs.
   */
  signBytes(data: Uint8Array): Buffer;
  /** What `sign` makes, known before signing so that the cover can say it. */
  signatureLevel: SignatureLevel;
};

/**
 * The digest of a `signBytes` signature for this key, to sign and to verify alike: Ed25519
 * and Ed448 hash internally and take none; RSA and ECDSA use SHA-256.
 */
export function signBytesDigest(key: KeyObject): string | null {
  return key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448' ? null : 'sha256';
}
