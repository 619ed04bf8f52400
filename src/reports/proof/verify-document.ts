/**
 * @module
 * The whole check of a document, offline: its signature (verify-pdf-signature.ts), then what
 * the document says about itself (its PDF/A identification and its XMP record: purpose,
 * tender, signer) and, for an evaluation report, its embedded proof (check-proof.ts; for a
 * procedure's report check-procedure-proof.ts). The
 * command line, `POST /api/v1/reports/verify` and the page "Rapport controleren" all give
 * this. A file PDF.js cannot read still gets its signature verdict, with the reason.
 */
import { type PdfSignatureVerification, verifyPdfSignature } from '../signing/verify-pdf-signature.js';
import { checkProcedureProof, type ProcedureProof } from './check-procedure-proof.js';
import { checkDocumentProof, type DocumentProof } from './check-proof.js';
import { readDocument } from './read-document.js';

export type DocumentContents = {
  /** PDF/A part and conformance from the XMP, e.g. `3B`; null when not PDF/A. */
  pdfa: string | null;
  /** The XMP's own properties: purpose, reportId, tenderReference, tenderTitle, buyer, signer, ... */
  record: Readonly<Record<string, string>>;
  /** The embedded dossier re-computed; null when the document embeds none (an award letter). */
  proof: DocumentProof | null;
  /** A procedure's report: its embedded procedure re-computed; null for any other document. */
  procedureProof: ProcedureProof | null;
};

export type DocumentVerification = PdfSignatureVerification & { document: DocumentContents | null };

/** Intact: a valid signature over the whole file, and a proof (if any) that holds. */
export function isIntact(verification: DocumentVerification): boolean {
  const proof = verification.document?.proof ?? null;
  const proofHolds = proof === null || (proof.dossierValid && proof.embeddedResultMatches && proof.printedWinnerMatches && proof.printedRankingMatches);
  const procedureProof = verification.document?.procedureProof ?? null;
  const procedureHolds = procedureProof === null || (procedureProof.procedureValid && procedureProof.embeddedResultMatches);
  return verification.signatureValid && verification.coversWholeDocument && proofHolds && procedureHolds;
}

/** @example const check = await verifyDocument(readFileSync('rapport.pdf')); isIntact(check) */
export async function verifyDocument(pdf: Uint8Array): Promise<DocumentVerification> {
  const signature = await verifyPdfSignature(pdf);
  if (signature.problems.includes('het bestand is geen PDF')) return { ...signature, document: null };
  try {
    const read = await readDocument(pdf);
    const proof = checkDocumentProof(read);
    const procedureProof = checkProcedureProof(read);
    return {
      ...signature,
      problems: [...signature.problems, ...(proof?.problems ?? []), ...(procedureProof?.problems ?? [])],
      document: { pdfa: read.pdfa, record: read.record, proof, procedureProof },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...signature, problems: [...signature.problems, `de inhoud van het document kan niet worden gelezen: ${reason}`], document: null };
  }
}
