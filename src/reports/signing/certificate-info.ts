/**
 * @module
 * Describes an X.509 certificate for the report's cover and the verifier, with Node's own
 * parser so that every place prints the same subject and fingerprint.
 */
import { X509Certificate } from 'node:crypto';
import type { CertificateInfo } from './signer.js';

/** Node prints a distinguished name one attribute per line; a report wants one line. */
function oneLine(name: string): string {
  return name
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(', ');
}

/**
 * @example describeCertificate({ der, development: true }).fingerprintSha256 // "3F:A2:..."
 */
export function describeCertificate(options: { der: Uint8Array; development: boolean }): CertificateInfo {
  const certificate = new X509Certificate(options.der);
  return {
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    fingerprintSha256: certificate.fingerprint256,
    development: options.development,
  };
}
