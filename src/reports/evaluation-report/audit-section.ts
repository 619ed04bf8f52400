/**
 * @module
 * Section 10: the audit chain's head hash at the moment of the report, which ties this file
 * to one state of the hash-chained log; the files the report embeds, with the SHA-256 of the
 * dossier; and how anyone checks both the ranking and the file, in words, not commands. The
 * file's own SHA-256 cannot be printed inside the file it hashes: the check page shows it
 * (docs/documents-of-record.md).
 */
import { COLOR, FONT, SIZE, bulletList, heading, paragraph } from '../pdf/layout.js';
import { fill, wording } from '../wording.js';
import type { SectionContext } from './context.js';

export function drawAuditSection(context: SectionContext): void {
  const { doc, data } = context;
  const words = wording.evaluation.audit;
  heading(doc, { text: wording.evaluation.sections.audit, level: 1 });
  paragraph(doc, { text: words.headHash, after: 2 });
  paragraph(doc, { text: data.auditHeadHash, font: FONT.mono, size: SIZE.body, after: 6 });
  paragraph(doc, { text: words.headHashNote });
  heading(doc, { text: words.attachmentsTitle, level: 2 });
  bulletList(doc, { items: [words.attachmentDossier, words.attachmentEvaluation] });
  paragraph(doc, { text: words.dossierHash, after: 2 });
  paragraph(doc, { text: context.dossierSha256, font: FONT.mono, size: SIZE.body, after: 6 });
  paragraph(doc, { text: fill(words.reproduce, { checkUrl: data.checkUrl }) });
  paragraph(doc, { text: words.fileHashNote });
  paragraph(doc, { text: fill(wording.common.signatureNote, { checkUrl: data.checkUrl }), size: SIZE.small, color: COLOR.muted });
}
