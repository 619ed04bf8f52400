/**
 * @module
 * The cover: what was evaluated, by whom and when, the outcome in one line, whether the
 * individual scores are left out (not every member of the panel has sealed), and who signed
 * the file. A development certificate gets a framed warning here, where nobody can miss it.
 */
import { formatEuros } from '../../domain/money.js';
import { drawCertificate } from '../certificate-block.js';
import { formatInstant } from '../format-dates.js';
import { labelledRows } from '../pdf/layout.js';
import { statusName, unsealedMembers } from '../report-format.js';
import { fill, wording } from '../wording.js';
import { type SectionContext, bidTitle } from './context.js';
import { drawCoverTitle } from './cover-title.js';

function winnerLine(context: SectionContext): string {
  const { result } = context.data;
  if (result.winner !== null) return bidTitle(context, result.winner);
  const tied = result.warnings.some((warning) => warning.code === 'tie-unresolved' && warning.rank === 1);
  return fill(wording.evaluation.noWinner, {
    reason: tied ? wording.evaluation.noWinnerTie : wording.evaluation.noWinnerNoBids,
  });
}

export function drawCover(context: SectionContext): void {
  const { doc, data } = context;
  const words = wording.evaluation;
  const fields = words.coverFields;
  drawCoverTitle(doc, words, data.tender.title);
  doc.y += 12;
  const rows: [string, string][] = [
    [fields.reference, data.tender.reference],
    [fields.buyer, data.tender.buyer],
    [fields.lot, data.tender.lot],
    [fields.status, statusName(data.tender.status)],
  ];
  if (data.tender.estimatedValue !== undefined) rows.push([fields.estimatedValue, formatEuros(data.tender.estimatedValue)]);
  if (data.tender.expectedLearners !== undefined) rows.push([fields.expectedLearners, String(data.tender.expectedLearners)]);
  rows.push([fields.bidCount, String(data.result.bids.length)], [fields.winner, winnerLine(context)]);
  // Blind scoring: a report made before every member sealed says on its cover what it leaves out.
  const unsealed = unsealedMembers(data);
  if (unsealed !== undefined) rows.push([fields.individualScores, fill(words.individualScoresWithheld, { names: unsealed })]);
  rows.push([fields.generatedAt, formatInstant(data.generatedAt)], [fields.generatedBy, data.generatedBy], [fields.reportId, data.reportId]);
  labelledRows(doc, { rows });
  doc.y += 10;
  drawCertificate(doc, { certificate: data.certificate, signatureLevel: data.signatureLevel, warnForDevelopment: true, checkUrl: data.checkUrl });
}
