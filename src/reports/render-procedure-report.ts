/**
 * @module
 * The evaluation report of a procedure with several lots (procedure-report-data.ts) as an
 * unsigned PDF/A-3: a cover, the procedure part (the award limitation and its rule in Dutch,
 * the preferences, the allocation table with the winner, the winner without the limitation
 * and the reason per lot, and the recorded draws of lots), then per lot the sections of the single report
 * (render-evaluation-report.ts) on that lot's data, and a closing section with the audit
 * chain's head and the embedded files: `procedure.json` (the procedure, Source) and
 * `procedure-evaluation.json` (its result, Data), which `evaluate` reproduces.
 *
 * @example
 * const signed = await signer.sign(await renderProcedureReport(data), { signingTime: new Date(data.generatedAt) });
 */
import { createHash } from 'node:crypto';
import { formatEuros } from '../domain/money.js';
import { AWARD_LIMIT_RULE_TERMS } from '../domain/vocabulary/award-limit-rules.js';
import { DRAW_OUTCOME_NAMES } from '../domain/vocabulary/draw-outcomes.js';
import { drawCertificate } from './certificate-block.js';
import { dossierSha256Of, PROCEDURE_EVALUATION_FILE, PROCEDURE_FILE } from './embedded-files.js';
import { createSectionContext } from './evaluation-report/context.js';
import { drawCoverTitle } from './evaluation-report/cover-title.js';
import { drawDocumentsSection } from './evaluation-report/documents-section.js';
import { drawTenderSections } from './evaluation-report/tender-sections.js';
import { formatInstant } from './format-dates.js';
import { COLOR, FONT, SIZE, bulletList, heading, labelledRows, paragraph } from './pdf/layout.js';
import { addRecordFooters } from './record-footer.js';
import { type Attachment, type PdfDocument, startPdf } from './pdf/pdf-document.js';
import { drawTable, headedTable } from './pdf/table.js';
import type { ProcedureReportData } from './procedure-report-data.js';
import { lotCount } from './render-procedure-letter.js';
import { fill, wording } from './wording.js';

const words = wording.procedureReport;

export { PROCEDURE_EVALUATION_FILE, PROCEDURE_FILE } from './embedded-files.js';

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** The procedure and its result as the report embeds them, and the SHA-256 of the procedure. */
export function procedureAttachments(data: ProcedureReportData): { attachments: Attachment[]; procedureSha256: string } {
  const procedure = json(data.procedure);
  return {
    attachments: [
      { name: PROCEDURE_FILE, description: words.attachmentDescriptions.procedure, relationship: 'Source', mimeType: 'application/json', content: procedure },
      {
        name: PROCEDURE_EVALUATION_FILE,
        description: words.attachmentDescriptions.evaluation,
        relationship: 'Data',
        mimeType: 'application/json',
        content: json(data.result),
      },
    ],
    procedureSha256: createHash('sha256').update(procedure).digest('hex'),
  };
}

function limitShort(data: ProcedureReportData): string {
  if (data.limit === null) return words.noLimit;
  return fill(words.limitShort, { max: lotCount(data.limit.maxLotsPerBidder), rule: AWARD_LIMIT_RULE_TERMS[data.limit.rule].label });
}

function drawCover(doc: PdfDocument, data: ProcedureReportData): void {
  const { procedure } = data.procedure;
  const fields = words.coverFields;
  drawCoverTitle(doc, words, procedure.title);
  doc.y += 12;
  labelledRows(doc, {
    rows: [
      [fields.reference, procedure.reference],
      [fields.buyer, procedure.buyer],
      [fields.lots, data.procedure.lots.map((lot) => `${lot.id} ${lot.dossier.tender.lot}`).join(', ')],
      [fields.limit, limitShort(data)],
      [fields.generatedAt, formatInstant(data.generatedAt)],
      [fields.generatedBy, data.generatedBy],
      [fields.reportId, data.reportId],
    ],
  });
  doc.y += 10;
  drawCertificate(doc, { certificate: data.certificate, signatureLevel: data.signatureLevel, warnForDevelopment: true, checkUrl: data.checkUrl });
}

function drawProcedurePart(doc: PdfDocument, data: ProcedureReportData): void {
  heading(doc, { text: words.sectionProcedure, level: 1 });
  heading(doc, { text: words.limitTitle, level: 2 });
  if (data.limit === null) paragraph(doc, { text: words.noLimit });
  else {
    const term = AWARD_LIMIT_RULE_TERMS[data.limit.rule];
    paragraph(doc, { text: fill(words.limit, { max: lotCount(data.limit.maxLotsPerBidder), rule: term.label, explanation: term.explanation }) });
    if (data.limit.lotOrder !== null) paragraph(doc, { text: fill(words.lotOrder, { order: data.limit.lotOrder.join(', ') }) });
    paragraph(doc, { text: words.ties });
    paragraph(doc, { text: words.fixedAtOpening });
    if (data.limit.rule === 'bidder-preference') {
      if (data.preferences.length === 0) {
        heading(doc, { text: words.preferencesTitle, level: 2 });
        paragraph(doc, { text: words.preferencesNone });
      } else {
        const [school = '', kvk = '', order = ''] = words.preferenceColumns;
        headedTable(
          doc,
          { text: words.preferencesTitle, level: 2 },
          {
            columns: [
              { header: school, width: 0.4 },
              { header: kvk, width: 0.2 },
              { header: order, width: 0.4 },
            ],
            rows: data.preferences.map((preference) => ({ cells: [preference.school, preference.kvk, preference.lots.join(', ')] })),
          },
        );
        paragraph(doc, { text: words.preferencesNote, size: SIZE.small, color: COLOR.muted });
      }
    }
  }
  const [lot = '', winner = '', withoutLimit = '', reason = ''] = words.allocationColumns;
  heading(doc, { text: words.allocationTitle, level: 2, keepWithNext: 80 });
  paragraph(doc, { text: words.allocationIntro, after: 4 });
  drawTable(doc, {
    columns: [
      { header: lot, width: 0.21 },
      { header: winner, width: 0.19 },
      { header: withoutLimit, width: 0.19 },
      { header: reason, width: 0.41 },
    ],
    rows: data.allocation.map((row) => ({
      cells: [`${row.lotId} ${row.lot}`, row.winner ?? words.noWinner, row.winnerWithoutLimit ?? words.noWinner, row.reason],
      // A lot the limitation gave to another bid than its own winner stands out.
      ...(row.winner !== row.winnerWithoutLimit ? { bold: true } : {}),
    })),
  });
  drawDraws(doc, data);
}

/**
 * The record of each draw of lots beside the allocation it changed: without it the PDF
 * showed a draw only through a lot's reason, and its record only in the embedded file.
 */
function drawDraws(doc: PdfDocument, data: ProcedureReportData): void {
  if (data.draws.length === 0) return;
  const [lot = '', tied = '', winner = '', outcome = '', record = ''] = words.drawsColumns;
  heading(doc, { text: words.drawsTitle, level: 2, keepWithNext: 80 });
  paragraph(doc, { text: words.drawsIntro, after: 4 });
  drawTable(doc, {
    columns: [
      { header: lot, width: 0.15 },
      { header: tied, width: 0.22 },
      { header: winner, width: 0.17 },
      { header: outcome, width: 0.12 },
      { header: record, width: 0.34 },
    ],
    rows: data.draws.map((draw) => ({
      cells: [
        `${draw.lotId} ${draw.lot}`,
        draw.tied.length === 0 ? words.drawsNoTie : draw.tied.join(', '),
        draw.winner,
        DRAW_OUTCOME_NAMES[draw.outcome],
        draw.record,
      ],
    })),
  });
}

function drawLotPart(doc: PdfDocument, data: ProcedureReportData, index: number): void {
  const lot = data.lots[index];
  const row = data.allocation[index];
  if (lot === undefined || row === undefined) return;
  doc.addPage();
  heading(doc, { text: fill(words.lotPart, { n: index + 1, lotId: row.lotId, lot: row.lot }), level: 1 });
  const fields = words.lotFields;
  const rows: [string, string][] = [
    [fields.reference, lot.tender.reference],
    [fields.title, lot.tender.title],
  ];
  if (lot.tender.estimatedValue !== undefined) rows.push([fields.estimatedValue, formatEuros(lot.tender.estimatedValue)]);
  if (lot.tender.expectedLearners !== undefined) rows.push([fields.expectedLearners, String(lot.tender.expectedLearners)]);
  rows.push(
    [fields.bidCount, String(lot.result.bids.length)],
    [fields.allocated, row.winner ?? words.noWinner],
    [fields.withoutLimit, row.winnerWithoutLimit ?? words.noWinner],
  );
  labelledRows(doc, { rows });
  paragraph(doc, { text: row.reason });
  paragraph(doc, { text: words.lotNote, size: SIZE.small, color: COLOR.muted, after: 8 });
  const context = createSectionContext(doc, lot, dossierSha256Of(lot.dossier));
  drawTenderSections(context);
  drawDocumentsSection(context);
}

function drawAudit(doc: PdfDocument, data: ProcedureReportData, procedureSha256: string): void {
  const audit = wording.evaluation.audit;
  doc.addPage();
  heading(doc, { text: words.auditTitle, level: 1 });
  paragraph(doc, { text: audit.headHash, after: 2 });
  paragraph(doc, { text: data.auditHeadHash, font: FONT.mono, size: SIZE.body, after: 6 });
  paragraph(doc, { text: audit.headHashNote });
  heading(doc, { text: audit.attachmentsTitle, level: 2 });
  bulletList(doc, { items: [words.attachmentProcedure, words.attachmentEvaluation] });
  paragraph(doc, { text: words.procedureHash, after: 2 });
  paragraph(doc, { text: procedureSha256, font: FONT.mono, size: SIZE.body, after: 6 });
  paragraph(doc, { text: words.reproduce });
  paragraph(doc, { text: audit.fileHashNote });
  paragraph(doc, { text: fill(wording.common.signatureNote, { checkUrl: data.checkUrl }), size: SIZE.small, color: COLOR.muted });
}

export async function renderProcedureReport(data: ProcedureReportData): Promise<Buffer> {
  const { procedure } = data.procedure;
  const { attachments, procedureSha256 } = procedureAttachments(data);
  const { doc, finished } = startPdf({
    title: `${words.title} ${procedure.reference} - ${procedure.title}`,
    author: data.generatedBy,
    subject: `${procedure.buyer}, ${lotCount(data.procedure.lots.length)}`,
    createdAt: new Date(data.generatedAt),
    record: {
      purpose: words.purpose,
      reportId: data.reportId,
      tender: { reference: procedure.reference, title: procedure.title, buyer: procedure.buyer },
      signer: { subject: data.certificate.subject, fingerprintSha256: data.certificate.fingerprintSha256 },
    },
    attachments,
  });
  drawCover(doc, data);
  doc.addPage();
  drawProcedurePart(doc, data);
  for (const index of data.lots.keys()) drawLotPart(doc, data, index);
  drawAudit(doc, data, procedureSha256);
  addRecordFooters(doc, { kind: wording.evaluation.kind, reportId: data.reportId, reference: procedure.reference, checkUrl: data.checkUrl });
  doc.end();
  return finished;
}
