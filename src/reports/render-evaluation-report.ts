/**
 * @module
 * The evaluation report (proces-verbaal) as an unsigned PDF, in the sections of issue 6.
 * Pure apart from pdfkit: the same data gives the same bytes, which is what lets a test (and
 * an auditor with the same data) check that nothing but the signature differs.
 *
 * @example
 * const pdf = await renderEvaluationReport(data);
 * const signed = await signer.sign(pdf, { signingTime: new Date(data.generatedAt) });
 */
import { drawAuditSection } from './evaluation-report/audit-section.js';
import { createSectionContext } from './evaluation-report/context.js';
import { drawCover } from './evaluation-report/cover.js';
import { drawDocumentsSection } from './evaluation-report/documents-section.js';
import { drawTenderSections } from './evaluation-report/tender-sections.js';
import { embeddedFilesOf } from './embedded-files.js';
import { addRecordFooters } from './record-footer.js';
import { startPdf } from './pdf/pdf-document.js';
import type { EvaluationReportData } from './report-data.js';
import { wording } from './wording.js';

export async function renderEvaluationReport(data: EvaluationReportData): Promise<Buffer> {
  const { attachments, dossierSha256 } = embeddedFilesOf(data);
  const { doc, finished } = startPdf({
    title: `${wording.evaluation.title} ${data.tender.reference} - ${data.tender.title}`,
    author: data.generatedBy,
    subject: `${data.tender.buyer}, ${data.tender.lot}`,
    createdAt: new Date(data.generatedAt),
    record: {
      purpose: wording.evaluation.purpose,
      reportId: data.reportId,
      tender: { reference: data.tender.reference, title: data.tender.title, buyer: data.tender.buyer },
      signer: { subject: data.certificate.subject, fingerprintSha256: data.certificate.fingerprintSha256 },
      dossierSha256,
    },
    attachments,
  });
  const context = createSectionContext(doc, data, dossierSha256);
  drawCover(context);
  doc.addPage();
  drawTenderSections(context);
  drawAuditSection(context);
  drawDocumentsSection(context);
  addRecordFooters(doc, { kind: wording.evaluation.kind, reportId: data.reportId, reference: data.tender.reference, checkUrl: data.checkUrl });
  doc.end();
  return finished;
}
