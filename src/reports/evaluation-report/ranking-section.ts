/**
 * @module
 * Section 3: the ranking in one table, winner first and excluded bids last, as the result
 * orders them.
 */
import { COLOR } from '../pdf/layout.js';
import { headedTable } from '../pdf/table.js';
import { formatBidScore, formatPoints, formatPrice, formatPricePart } from '../report-format.js';
import { wording } from '../wording.js';
import type { SectionContext } from './context.js';

export function drawRankingSection(context: SectionContext): void {
  const { doc, data } = context;
  const [rank = '', bid = '', provider = '', price = '', quality = '', pricePart = '', score = ''] = wording.evaluation.ranking.columns;
  headedTable(
    doc,
    { text: wording.evaluation.sections.ranking, level: 1 },
    {
      columns: [
        { header: rank, width: 0.13 },
        { header: bid, width: 0.13 },
        { header: provider, width: 0.22 },
        { header: price, width: 0.16, align: 'right' },
        { header: quality, width: 0.11, align: 'right' },
        { header: pricePart, width: 0.12, align: 'right' },
        { header: score, width: 0.13, align: 'right' },
      ],
      rows: data.result.bids.map((result) => {
        const source = context.bidsById.get(result.bidId);
        const isWinner = result.bidId === data.result.winner;
        return {
          cells: [
            result.rank === null ? wording.common.excluded : String(result.rank),
            result.bidId,
            source?.providerName ?? '',
            formatPrice(source?.price),
            formatPoints(result.qualityPoints),
            formatPricePart(result),
            formatBidScore(data.result.scoreKind, result.score),
          ],
          ...(isWinner ? { bold: true, color: COLOR.winner } : {}),
          ...(result.status === 'excluded' ? { color: COLOR.muted } : {}),
        };
      }),
    },
  );
}
