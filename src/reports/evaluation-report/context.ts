/**
 * @module
 * What every section of the evaluation report reads: the document, the data and lookups by
 * id, built once per report.
 */
import { bidLabel } from '../../domain/bid-label.js';
import type { PdfDocument } from '../pdf/pdf-document.js';
import type { EvaluationReportData, ReportBid, ReportCriterion } from '../report-data.js';

export type SectionContext = {
  doc: PdfDocument;
  data: EvaluationReportData;
  bidsById: ReadonlyMap<string, ReportBid>;
  criteriaById: ReadonlyMap<string, ReportCriterion>;
  /** SHA-256 (hex) of the embedded dossier.json, printed in the check section. */
  dossierSha256: string;
};

export function createSectionContext(doc: PdfDocument, data: EvaluationReportData, dossierSha256: string): SectionContext {
  return {
    doc,
    data,
    dossierSha256,
    bidsById: new Map(data.bids.map((bid) => [bid.id, bid])),
    criteriaById: new Map(data.criteria.map((criterion) => [criterion.id, criterion])),
  };
}

/**
 * "NT2 Centrum Zwolle (B2)": a bid named by its school first, as on every page (`bidLabel`);
 * a bid the data does not name keeps its id alone.
 */
export function bidTitle(context: SectionContext, bidId: string): string {
  return bidLabel(bidId, context.bidsById.get(bidId)?.providerName);
}
