/**
 * @module
 * Section 10: the audit chain's head hash at the moment of the report, which ties this file
 * to one state of the hash-chained log, and how to check both the ranking and the file.
 */
import { COLOR, FONT, SIZE, heading, paragraph } from '../pdf/layout.js';
import { wording } from '../wording.js';
import type { SectionContext } from './context.js';

export function drawAuditSection(context: SectionContext): void {
  const { doc, data } = context;
  const words = wording.evaluation.audit;
  heading(doc, { text: wording.evaluation.sections.audit, level: 1 });
  paragraph(doc, { text: words.headHash, after: 2 });
  paragraph(doc, { text: data.auditHeadHash, font: FONT.mono, size: SIZE.body, after: 6 });
  paragraph(doc, { text: words.headHashNote });
  paragraph(doc, { text: words.reproduce });
  paragraph(doc, { text: wording.common.signatureNote, size: SIZE.small, color: COLOR.muted });
}
