/**
 * @module
 * A correction of a bid as the API, the pages and the report show it: to the inkoper and
 * auditor with the figures before and after, to the panel with its reason only.
 */
import type { ReviewState } from '../../domain/evaluation/dossier.js';
import type { BidCorrectionRow } from './bids.queries.js';
import type { PriceFigures } from './bid-input.js';

export type BidCorrectionView = {
  bidId: string;
  /** 1 for the bid's first correction, and so on. */
  number: number;
  correctedAt: string;
  reason: string;
  before: PriceFigures;
  after: PriceFigures;
  /** The state of the bid's art. 2.116 review when the price was corrected, if one had started. */
  lowBidReviewState: ReviewState | null;
};

/** What the panel sees of a correction: that it was made, when, and why; no figure. */
export type BidCorrectionNotice = Pick<BidCorrectionView, 'number' | 'correctedAt' | 'reason'>;

export function correctionViewOf(row: BidCorrectionRow): BidCorrectionView {
  return {
    bidId: row.bidId,
    number: row.number,
    correctedAt: row.correctedAt,
    reason: row.reason,
    before: JSON.parse(row.before) as PriceFigures,
    after: JSON.parse(row.after) as PriceFigures,
    lowBidReviewState: row.lowBidReviewState as ReviewState | null,
  };
}

function byBid<T>(rows: readonly BidCorrectionRow[], view: (row: BidCorrectionRow) => T): Map<string, T[]> {
  const views = new Map<string, T[]>();
  for (const row of rows) views.set(row.bidId, [...(views.get(row.bidId) ?? []), view(row)]);
  return views;
}

/** Per bid id, oldest first. */
export const correctionViewsOf = (rows: readonly BidCorrectionRow[]): Map<string, BidCorrectionView[]> => byBid(rows, correctionViewOf);

/** Per bid id, oldest first, without figures. */
export const correctionNoticesOf = (rows: readonly BidCorrectionRow[]): Map<string, BidCorrectionNotice[]> =>
  byBid(rows, ({ number, correctedAt, reason }) => ({ number, correctedAt, reason }));
