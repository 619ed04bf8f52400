/**
 * @module
 * What a signed head of the audit chain is, and how it is signed and checked. The signature
 * covers the RFC 8785 canonical JSON of `{ format, seq, head, at }`: `seq` and `head` pin the
 * chain (the hash of event `seq` fixes every event before it), `at` says when, and `format`
 * keeps a signature made with the report key for this purpose from being read as anything
 * else. It is checked only with certificates the server is configured with (its signing
 * certificate and the previous ones the operator lists), never with one read from the
 * database: whoever can write the database could put their own certificate there.
 */
import { X509Certificate, verify as verifySignature, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json.js';
import { signBytesDigest, type ReportSigner } from '../../reports/signing/signer.js';

export const ANCHOR_FORMAT = 'gunningswijzer/audit-anchor@1';

/** The chain's head at a moment: the last event's seq and hash, and the instant it was signed. */
export type SignedHead = { seq: number; head: string; at: string };

/** A signed head as stored: with the fingerprint of the certificate and the base64 signature. */
export type StoredAnchor = SignedHead & { id: number; reason: string; certificateFingerprint: string; signature: string };

/** The certificates anchors are checked with, by SHA-256 fingerprint (`X509Certificate.fingerprint256`). */
export type AnchorCertificates = ReadonlyMap<string, KeyObject>;

/** The bytes that are signed. */
export function anchorPayload({ seq, head, at }: SignedHead): Buffer {
  return Buffer.from(canonicalJson({ format: ANCHOR_FORMAT, seq, head, at }), 'utf8');
}

/** Signs a head with the report signer's key. */
export function signHead(signer: ReportSigner, head: SignedHead): { certificateFingerprint: string; signature: string } {
  return { certificateFingerprint: signer.certificate.fingerprintSha256, signature: signer.signBytes(anchorPayload(head)).toString('base64') };
}

export type AnchorSignatureCheck = 'verified' | 'bad-signature' | 'unknown-certificate';

/**
 * `unknown-certificate` when the fingerprint names none of the configured certificates: the
 * anchor can then neither be trusted nor shown false (a certificate rotated away without
 * being listed, a development certificate made anew).
 */
export function checkAnchorSignature(anchor: StoredAnchor, certificates: AnchorCertificates): AnchorSignatureCheck {
  const key = certificates.get(anchor.certificateFingerprint);
  if (key === undefined) return 'unknown-certificate';
  let ok = false;
  try {
    ok = verifySignature(signBytesDigest(key), anchorPayload(anchor), key, Buffer.from(anchor.signature, 'base64'));
  } catch {
    ok = false;
  }
  return ok ? 'verified' : 'bad-signature';
}

/**
 * The current signing certificate and the previous ones, by fingerprint.
 * @example anchorCertificates(signer.certificateDer, parseCertificateBundle(readFileSync(path)))
 */
export function anchorCertificates(current: Uint8Array, previous: readonly X509Certificate[] = []): AnchorCertificates {
  const all = [new X509Certificate(current), ...previous];
  return new Map(all.map((certificate) => [certificate.fingerprint256, certificate.publicKey]));
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates in a file: one or more PEM blocks (as `openssl pkcs12 -nokeys` writes
 * them, concatenated), or a single DER certificate. Throws when there is none.
 * @example parseCertificateBundle(readFileSync(env.SIGNING_PREVIOUS_CERTIFICATES))
 */
export function parseCertificateBundle(bytes: Buffer): X509Certificate[] {
  const pems = bytes.toString('latin1').match(PEM_CERTIFICATE);
  const certificates = pems === null ? [new X509Certificate(bytes)] : pems.map((pem) => new X509Certificate(pem));
  if (certificates.length === 0) throw new Error('geen certificaat gevonden');
  return certificates;
}

declare module '../../http/types.js' {
  interface AppContext {
    /** The certificates signed heads of the audit chain are checked with: the signer's and the previous ones configured. */
    anchorCertificates: () => AnchorCertificates;
  }
}
