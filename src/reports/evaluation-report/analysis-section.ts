/**
 * @module
 * Section 9: how robust the outcome is, in the same Dutch sentences as the command line
 * (explain.ts): rank reversals, the price share within which the winner stays the winner,
 * the price at which each loser would have won, the effective weights, and a chart.
 */
import { POINTS_METHODS_WITH_PRICE } from '../../domain/evaluation/dossier.js';
import { explainEffectiveWeights, explainPriceShareRange, explainPriceToWin, explainWarningWith } from '../../domain/evaluation/explain.js';
import { COLOR, SIZE, bulletList, ensureSpace, heading, paragraph } from '../pdf/layout.js';
import { CHART_HEIGHT, drawQualityPriceChart } from '../pdf/quality-price-chart.js';
import type { ChartPoint } from '../quality-price-point.js';
import { formatDutchNumber, formatEuros } from '../../domain/money.js';
import { fill, wording } from '../wording.js';
import { type SectionContext, bidTitle } from './context.js';

function sensitivitySentences(context: SectionContext): string[] {
  const { result } = context.data;
  const words = wording.evaluation.analysis;
  const withPrice = POINTS_METHODS_WITH_PRICE.includes(result.method);
  const sentences = [withPrice && result.winner !== null ? explainPriceShareRange(result.sensitivity.priceShareRange) : words.priceShareNotApplicable];
  const priceToWin = Object.entries(result.sensitivity.priceToWin);
  if (priceToWin.length === 0) sentences.push(words.priceToWinNone);
  // The bids named by their school, as everywhere a person reads them, not by their code alone.
  for (const [bidId, price] of priceToWin) sentences.push(explainPriceToWin(bidId, price, (id) => bidTitle(context, id)));
  if (!withPrice) sentences.push(words.effectiveWeightsNotApplicable);
  else sentences.push(explainEffectiveWeights(result.effectiveWeights) ?? words.effectiveWeightsNull);
  return sentences;
}

function chartPoints(context: SectionContext): ChartPoint[] {
  const { data } = context;
  const totalWeight = data.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  return data.result.bids.flatMap((result) => {
    // A fixed-price bid without a price is at the fixed price (docs/decisions.md).
    const price = context.bidsById.get(result.bidId)?.price ?? data.award.fixedPrice;
    if (price === undefined || price === null || totalWeight <= 0) return [];
    const kind: ChartPoint['kind'] = result.bidId === data.result.winner ? 'winner' : result.status === 'excluded' ? 'excluded' : 'ranked';
    const name = bidTitle(context, result.bidId);
    return [{ label: result.bidId, name, price, quality: result.qualityPoints / totalWeight, kind, flagged: result.lowBidFlags.length > 0 }];
  });
}

/** The chart in words, for whoever cannot see it: every point with its price and quality. */
function chartAlt(points: readonly ChartPoint[]): string {
  const words = wording.evaluation.analysis;
  const described = points.map((point) =>
    fill(words.chartAltPoint, {
      bid: point.name,
      price: formatEuros(point.price),
      quality: formatDutchNumber(point.quality * 100, 1),
      mark:
        (point.kind === 'winner' ? words.chartAltWinner : point.kind === 'excluded' ? words.chartAltExcluded : '') +
        (point.flagged ? words.chartAltFlagged : ''),
    }),
  );
  return fill(words.chartAlt, { points: described.join('; ') });
}

export function drawAnalysisSection(context: SectionContext): void {
  const { doc, data } = context;
  const words = wording.evaluation.analysis;
  heading(doc, { text: wording.evaluation.sections.analysis, level: 1 });
  heading(doc, { text: words.warningsTitle, level: 2 });
  if (data.result.warnings.length === 0) paragraph(doc, { text: words.noWarnings });
  else bulletList(doc, { items: data.result.warnings.map((warning) => explainWarningWith(warning, (id) => bidTitle(context, id))) });
  heading(doc, { text: words.sensitivityTitle, level: 2 });
  bulletList(doc, { items: sensitivitySentences(context) });
  // The chart's title belongs on the chart's page.
  ensureSpace(doc, CHART_HEIGHT + 80);
  heading(doc, { text: words.chartTitle, level: 2 });
  const points = chartPoints(context);
  drawQualityPriceChart(doc, {
    points,
    xLabel: words.chartX,
    yLabel: words.chartY,
    winnerLabel: wording.common.winnerMark,
    flaggedLabel: words.chartFlaggedMark,
    alt: chartAlt(points),
    legendTitle: words.chartLegend,
  });
  paragraph(doc, { text: words.chartCaption, size: SIZE.small, color: COLOR.muted });
}
