/**
 * @module
 * The footer of every document of record (reports, letters, the opening record): its kind,
 * id and tender or procedure on each page, where anyone can check it, and the page number.
 * One wording for all of them, so that a reader finds the check address in the same place.
 */
import { addPageFooters } from './pdf/page-footer.js';
import type { PdfDocument } from './pdf/pdf-document-type.js';
import { fill, wording } from './wording.js';

export function addRecordFooters(doc: PdfDocument, record: { kind: string; reportId: string; reference: string; checkUrl: string }): void {
  addPageFooters(doc, {
    left: fill(wording.common.reportFooter, { kind: record.kind, reportId: record.reportId, reference: record.reference }),
    second: fill(wording.common.footerCheck, { checkUrl: record.checkUrl }),
    pageLabel: (page, pages) => fill(wording.common.pageFooter, { page, pages }),
  });
}
