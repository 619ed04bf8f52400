/**
 * @module
 * Checks a signed report offline, the way an auditor or a losing bidder would: the signature
 * must cover the whole file except its own /Contents, and the CMS in it must verify over
 * exactly those bytes. Then the PAdES level it reaches, with its timestamp verified
 * (pades-check.ts). The check is cryptographic (pkijs), not a lookup of a known hash, so it
 * holds for a report that never passed through this server. Garbage in gives a Dutch problem,
 * never an exception.
 */
import { X509Certificate, createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PADES_SUBFILTER, checkPades } from './pades-check.js';
import { readSignatureField } from './read-signature-field.js';
import type { SignatureLevel } from './signer.js';
import type { TimestampInfo } from './timestamp-token.js';

export type PdfSignatureVerification = {
  /** The CMS signature verifies over the bytes the ByteRange covers. */
  signatureValid: boolean;
  /** The ByteRange covers the whole file but the /Contents hole. */
  coversWholeDocument: boolean;
  signer: { subject: string; fingerprintSha256: string } | null;
  /** The PAdES baseline level the valid signature reaches; null when invalid or not PAdES. */
  padesLevel: SignatureLevel | null;
  /** The verified signature timestamp (B-T): the authority's time and certificate. */
  timestamp: TimestampInfo | null;
  /** SHA-256 of the whole file, lowercase hex. */
  sha256: string;
  problems: string[];
};

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const SUPPORTED_SUBFILTERS = ['adbe.pkcs7.detached', PADES_SUBFILTER];

/** The signer as Node reads its certificate; null when there is none or Node cannot read it. */
function describeSigner(certificate: pkijs.Certificate | null | undefined): PdfSignatureVerification['signer'] {
  if (!certificate) return null;
  try {
    const x509 = new X509Certificate(new Uint8Array(certificate.toSchema().toBER()));
    return { subject: x509.subject.split('\n').filter(Boolean).join(', '), fingerprintSha256: x509.fingerprint256 };
  } catch {
    return null;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type CmsCheck = {
  valid: boolean;
  signer: PdfSignatureVerification['signer'];
  problems: string[];
  /** Set when the signature verified: what the PAdES check reads. */
  verified?: { signedData: pkijs.SignedData; signerCertificate: pkijs.Certificate };
};

async function verifyCms(contents: Buffer, covered: Buffer): Promise<CmsCheck> {
  const parsed = asn1js.fromBER(new Uint8Array(contents));
  if (parsed.offset === -1) return { valid: false, signer: null, problems: ['de handtekening is geen geldige CMS-structuur'] };
  // The hole is padded with zeros after the DER; anything else there would go unsigned.
  if (contents.subarray(parsed.offset).some((byte) => byte !== 0)) {
    return { valid: false, signer: null, problems: ['na de handtekening staan gegevens in /Contents die niet ondertekend zijn'] };
  }
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== SIGNED_DATA) {
      return { valid: false, signer: null, problems: [`de handtekening is geen CMS SignedData (${contentInfo.contentType})`] };
    }
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (error) {
    return { valid: false, signer: null, problems: [`de handtekening kan niet worden gelezen: ${errorMessage(error)}`] };
  }
  try {
    const data = new Uint8Array(covered).buffer;
    const result = await signedData.verify({ signer: 0, data, checkChain: false, extendedMode: true });
    const signer = describeSigner(result.signerCertificate);
    return result.signatureVerified && result.signerCertificate
      ? { valid: true, signer, problems: [], verified: { signedData, signerCertificate: result.signerCertificate } }
      : { valid: false, signer, problems: ['de handtekening klopt niet met de inhoud van het bestand'] };
  } catch (error) {
    // pkijs reports a digest mismatch, a missing certificate or a bad signature by throwing.
    const signer = error instanceof pkijs.SignedDataVerifyError ? describeSigner(error.signerCertificate) : null;
    return { valid: false, signer, problems: [`de handtekening klopt niet met de inhoud van het bestand (${errorMessage(error)})`] };
  }
}

/**
 * @example
 * const check = await verifyPdfSignature(readFileSync('rapport.pdf'));
 * if (check.signatureValid && check.coversWholeDocument) console.log('ongewijzigd sinds ondertekening');
 */
export async function verifyPdfSignature(pdf: Uint8Array): Promise<PdfSignatureVerification> {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    return await verifyBytes(bytes, sha256);
  } catch (error) {
    // A verifier that throws on a crafted file would be a way to make a report unverifiable.
    return { ...NOT_VERIFIED, sha256, problems: [`het bestand kan niet worden gecontroleerd: ${errorMessage(error)}`] };
  }
}

const NOT_VERIFIED = { signatureValid: false, coversWholeDocument: false, signer: null, padesLevel: null, timestamp: null } as const;

async function verifyBytes(bytes: Buffer, sha256: string): Promise<PdfSignatureVerification> {
  const invalid = (problem: string): PdfSignatureVerification => ({ ...NOT_VERIFIED, sha256, problems: [problem] });
  // ISO 32000 readers accept the header anywhere in the first 1024 bytes.
  if (!bytes.subarray(0, 1024).includes('%PDF-')) return invalid('het bestand is geen PDF');
  const field = readSignatureField(bytes);
  if (!field) return invalid('het bestand bevat geen PDF-handtekening (geen /ByteRange gevonden)');

  const problems = [...field.problems];
  if (field.subFilter === null || !SUPPORTED_SUBFILTERS.includes(field.subFilter)) {
    problems.push(`onbekend handtekeningformaat (/SubFilter ${field.subFilter ?? 'ontbreekt'}); verwacht adbe.pkcs7.detached of ETSI.CAdES.detached`);
    return { ...NOT_VERIFIED, coversWholeDocument: field.coversWholeDocument, sha256, problems };
  }
  if (field.contents.length === 0) {
    return { ...NOT_VERIFIED, coversWholeDocument: field.coversWholeDocument, sha256, problems };
  }
  const [a, b, c, d] = field.byteRange;
  const covered = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
  const cms = await verifyCms(field.contents, covered);
  const pades = cms.verified === undefined ? null : await checkPades({ subFilter: field.subFilter, ...cms.verified });
  return {
    signatureValid: cms.valid && (pades?.valid ?? false),
    coversWholeDocument: field.coversWholeDocument,
    signer: cms.signer,
    padesLevel: pades?.level ?? null,
    timestamp: pades?.timestamp ?? null,
    sha256,
    problems: [...problems, ...cms.problems, ...(pades?.problems ?? [])],
  };
}
