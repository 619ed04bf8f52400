/**
 * @module
 * What the Archiefregeling asks to record about the authenticity of a signed document of
 * record: who signed, with which certificate, when the signature was validated and with what
 * result. The signature of every issued report is validated right after signing, and the
 * result is stored with the report, shown on the reports page and given by `verify`.
 */
import type { PdfSignatureVerification } from './verify-pdf-signature.js';

export type SignatureRecord = {
  /** When the signature was validated, ISO 8601. */
  validatedAt: string;
  /** The result: the signature verifies and covers the whole file. */
  valid: boolean;
  padesLevel: PdfSignatureVerification['padesLevel'];
  signer: PdfSignatureVerification['signer'];
  timestamp: PdfSignatureVerification['timestamp'];
  problems: string[];
};

/** @example signatureRecordOf(await verifyPdfSignature(signed), ctx.clock()) */
export function signatureRecordOf(verification: PdfSignatureVerification, validatedAt: Date): SignatureRecord {
  return {
    validatedAt: validatedAt.toISOString(),
    valid: verification.signatureValid && verification.coversWholeDocument,
    padesLevel: verification.padesLevel,
    signer: verification.signer,
    timestamp: verification.timestamp,
    problems: verification.problems,
  };
}

/** The stored JSON read back; null for a report issued before the record was kept. */
export function parseSignatureRecord(stored: string | null): SignatureRecord | null {
  return stored === null ? null : (JSON.parse(stored) as SignatureRecord);
}
