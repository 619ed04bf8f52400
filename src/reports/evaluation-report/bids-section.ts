/**
 * @module
 * Section 4: one table per bid with its consensus score and points on every criterion, then
 * its price, quality and price points, score and rank: the arithmetic behind the ranking;
 * and every correction of an obvious clerical error after the opening, with the price before
 * and after and the reason (docs/corrections.md).
 */
import { formatDutchTrimmed } from '../../domain/money.js';
import { formatDate } from '../format-dates.js';
import { bottomOf, bulletList, ensureSpace, heading, labelledRows } from '../pdf/layout.js';
import { headedTable } from '../pdf/table.js';
import { criterionPoints, formatBidScore, formatCriterionScore, formatPoints, formatPrice, formatPricePart } from '../report-format.js';
import { fill, wording } from '../wording.js';
import { type SectionContext, bidTitle } from './context.js';

export function drawBidsSection(context: SectionContext): void {
  const { doc, data } = context;
  const words = wording.evaluation.bids;
  const [criterionHeader = '', weightHeader = '', scoreHeader = '', pointsHeader = ''] = words.columns;
  const rankedCount = data.result.bids.filter((bid) => bid.status === 'ranked').length;
  heading(doc, { text: wording.evaluation.sections.bids, level: 1 });
  for (const result of data.result.bids) {
    const bid = context.bidsById.get(result.bidId);
    // Keep a bid's table and totals on one page when they fit on one (about 16 points a row).
    const blockHeight = 40 + 16 * (data.criteria.length + 1) + 14 * 5;
    ensureSpace(doc, Math.min(blockHeight, bottomOf(doc) - doc.page.margins.top));
    headedTable(
      doc,
      { text: bidTitle(context, result.bidId), level: 2 },
      {
        columns: [
          { header: criterionHeader, width: 0.52 },
          { header: weightHeader, width: 0.14, align: 'right' },
          { header: scoreHeader, width: 0.18, align: 'right' },
          { header: pointsHeader, width: 0.16, align: 'right' },
        ],
        rows: data.criteria.map((criterion) => ({
          cells: [
            `${criterion.id} ${criterion.title}`,
            formatDutchTrimmed(criterion.weight),
            formatCriterionScore(criterion, bid?.scores[criterion.id]),
            criterionPoints(criterion, bid?.scores[criterion.id]),
          ],
        })),
      },
    );
    const rows: [string, string][] = [
      [words.price, formatPrice(bid?.price)],
      [words.qualityPoints, formatPoints(result.qualityPoints)],
    ];
    if (result.pricePoints !== undefined) rows.push([words.pricePoints, formatPricePart(result)]);
    if (result.fictiveDiscount !== undefined) rows.push([words.fictiveDiscount, formatPricePart(result)]);
    rows.push([words.score, formatBidScore(data.result.scoreKind, result.score)]);
    rows.push([
      words.rank,
      result.rank === null
        ? words.excluded
        : fill(words.rankValue, { rank: result.rank, ranked: rankedCount }) + (result.bidId === data.result.winner ? words.winnerSuffix : ''),
    ]);
    labelledRows(doc, { rows, labelWidth: 120 });
    const corrections = bid?.corrections ?? [];
    if (corrections.length > 0) {
      bulletList(doc, {
        items: corrections.map((c) =>
          fill(words.correction, { date: formatDate(c.correctedOn), before: formatPrice(c.priceBefore), after: formatPrice(c.priceAfter), reason: c.reason }),
        ),
      });
    }
  }
}
