/**
 * @module
 * The files the evaluation report carries as its own proof (PDF/A-3 associated files): the
 * dossier the result was computed from (`dossier.json`, relationship Source) and the result
 * (`evaluation.json`, relationship Data), as UTF-8 JSON. Being inside the PDF, they are
 * covered by its signature: a changed byte in either invalidates the report. Anyone can
 * take the dossier out (any PDF reader's attachments pane, `pdfdetach`) and re-compute the
 * result with the engine; `verify` does that (signing/document-proof.ts).
 */
import { createHash } from 'node:crypto';
import type { Attachment } from './pdf/pdf-document.js';
import type { EvaluationReportData } from './report-data.js';
import { wording } from './wording.js';

export const DOSSIER_FILE = 'dossier.json';
export const EVALUATION_FILE = 'evaluation.json';
/** A procedure's report (issue 21) embeds the procedure as evaluated (Source) and its result (Data) instead. */
export const PROCEDURE_FILE = 'procedure.json';
export const PROCEDURE_EVALUATION_FILE = 'procedure-evaluation.json';

export type EmbeddedFiles = { attachments: Attachment[]; dossierSha256: string };

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/**
 * SHA-256 (hex) of the dossier exactly as the evaluation report embeds it (`dossier.json`):
 * an award letter prints it too, which ties the letter to the report and its dossier.
 */
export function dossierSha256Of(dossier: EvaluationReportData['dossier']): string {
  return createHash('sha256').update(json(dossier)).digest('hex');
}

/** @example const { attachments, dossierSha256 } = embeddedFilesOf(data); */
export function embeddedFilesOf(data: EvaluationReportData): EmbeddedFiles {
  const dossier = json(data.dossier);
  const words = wording.evaluation.attachmentDescriptions;
  return {
    attachments: [
      { name: DOSSIER_FILE, description: words.dossier, relationship: 'Source', mimeType: 'application/json', content: dossier },
      { name: EVALUATION_FILE, description: words.evaluation, relationship: 'Data', mimeType: 'application/json', content: json(data.result) },
    ],
    dossierSha256: createHash('sha256').update(dossier).digest('hex'),
  };
}
