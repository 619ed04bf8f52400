/**
 * @module
 * A scatter chart of quality against price, drawn with pdfkit's vector paths (no image, so
 * it stays sharp, small and deterministic). It shows at a glance whether the winner bought
 * its place with quality or with price, and how far a suspiciously cheap bid lies from the rest.
 */
import { formatDutchNumber } from '../../domain/money.js';
import { axisTicks, niceAxis } from '../chart-axis.js';
import type { ChartPoint } from '../quality-price-point.js';
import { COLOR, FONT, SIZE, contentWidth, ensureSpace, heading, labelledRows } from './layout.js';
import type { PdfDocument } from './pdf-document-type.js';
import { toPrintable } from './printable-text.js';
import { tagged } from './structure.js';

/** The plot's height; with its axis labels the chart needs about 40 points more. */
export const CHART_HEIGHT = 210;

/**
 * The chart, then its legend: each code on the chart with the bid's name, in the order of
 * the codes, as text a reader can select and a screen reader reads after the figure.
 */
export function drawQualityPriceChart(
  doc: PdfDocument,
  options: {
    points: readonly ChartPoint[];
    xLabel: string;
    yLabel: string;
    winnerLabel: string;
    /** Beside a flagged bid's name in the legend: "mogelijk abnormaal laag". */
    flaggedLabel: string;
    alt: string;
    legendTitle: string;
  },
): void {
  if (options.points.length === 0) return;
  ensureSpace(doc, CHART_HEIGHT + 40);
  // One Figure with its alternative text: a screen reader reads the sentence, not the ticks.
  tagged(doc, 'Figure', () => drawChart(doc, options), { alt: options.alt });
  doc.x = doc.page.margins.left;
  heading(doc, { text: options.legendTitle, level: 3 });
  const byCode = [...options.points].sort((a, b) => a.label.localeCompare(b.label, 'nl', { numeric: true }));
  labelledRows(doc, {
    rows: byCode.map((point) => {
      const marks = [point.kind === 'winner' ? options.winnerLabel : '', point.flagged ? options.flaggedLabel : ''].filter((m) => m !== '');
      return [point.label, marks.length === 0 ? point.name : `${point.name} (${marks.join(', ')})`] as const;
    }),
    labelWidth: 36,
  });
  doc.fillColor(COLOR.text).fontSize(SIZE.body);
}

function drawChart(doc: PdfDocument, options: { points: readonly ChartPoint[]; xLabel: string; yLabel: string; winnerLabel: string }): void {
  const height = CHART_HEIGHT;
  const plotLeft = doc.page.margins.left + 46;
  const plotTop = doc.y + 6;
  const plotWidth = contentWidth(doc) - 60;
  const prices = options.points.map((p) => p.price);
  const qualities = options.points.map((p) => p.quality * 100);
  // A margin of 5% keeps the cheapest and dearest bids off the frame.
  const priceSpan = Math.max(...prices) - Math.min(...prices);
  const xAxis = niceAxis({ min: Math.min(...prices) - 0.05 * priceSpan, max: Math.max(...prices) + 0.05 * priceSpan, ticks: 5 });
  const yAxis = niceAxis({ min: Math.max(0, Math.min(...qualities) - 5), max: Math.min(100, Math.max(...qualities) + 5), ticks: 5 });
  const toX = (price: number) => plotLeft + ((price - xAxis.min) / (xAxis.max - xAxis.min)) * plotWidth;
  const toY = (quality: number) => plotTop + height - ((quality - yAxis.min) / (yAxis.max - yAxis.min)) * height;

  doc.save().lineWidth(0.4).strokeColor(COLOR.rule);
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
  for (const tick of axisTicks(yAxis)) {
    doc
      .moveTo(plotLeft, toY(tick))
      .lineTo(plotLeft + plotWidth, toY(tick))
      .stroke();
    doc.text(`${formatDutchNumber(tick, 0)}%`, plotLeft - 44, toY(tick) - 3.5, { width: 40, align: 'right', lineBreak: false });
  }
  for (const tick of axisTicks(xAxis)) {
    doc
      .moveTo(toX(tick), plotTop)
      .lineTo(toX(tick), plotTop + height)
      .stroke();
    doc.text(formatDutchNumber(tick, 0), toX(tick) - 40, plotTop + height + 4, { width: 80, align: 'center', lineBreak: false });
  }
  doc.restore();
  doc.save().lineWidth(0.8).strokeColor(COLOR.muted).rect(plotLeft, plotTop, plotWidth, height).stroke().restore();

  // Losers first, so the winner is drawn on top where points overlap.
  const ordered = [...options.points].sort((a, b) => Number(a.kind === 'winner') - Number(b.kind === 'winner'));
  for (const point of ordered) {
    const x = toX(point.price);
    const y = toY(point.quality * 100);
    if (point.kind === 'excluded') {
      doc.save().lineWidth(1).circle(x, y, 3.5).stroke(COLOR.muted).restore();
    } else {
      const colour = point.kind === 'winner' ? COLOR.winner : COLOR.accent;
      // A flagged bid is a diamond: its shape tells, in print in black and white too.
      if (point.flagged)
        doc
          .save()
          .polygon([x, y - 5], [x + 5, y], [x, y + 5], [x - 5, y])
          .fill(colour)
          .restore();
      else
        doc
          .save()
          .circle(x, y, point.kind === 'winner' ? 4.5 : 3.5)
          .fill(colour)
          .restore();
      if (point.kind === 'winner') doc.save().lineWidth(1.2).circle(x, y, 8).stroke(COLOR.winner).restore();
    }
    const label = toPrintable(point.kind === 'winner' ? `${point.label} (${options.winnerLabel})` : point.label);
    doc
      .font(point.kind === 'winner' ? FONT.bold : FONT.regular)
      .fontSize(SIZE.small)
      .fillColor(point.kind === 'winner' ? COLOR.winner : COLOR.text);
    // Labels right of the point, or left of it near the right edge so they stay in the frame.
    const labelWidth = doc.widthOfString(label);
    const labelX = x + 10 + labelWidth > plotLeft + plotWidth ? x - 10 - labelWidth : x + 10;
    doc.text(label, labelX, y - 4, { lineBreak: false });
  }

  doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
  doc.text(toPrintable(options.xLabel), plotLeft, plotTop + height + 16, { width: plotWidth, align: 'center', lineBreak: false });
  // The y label reads bottom to top along the axis.
  doc.save().rotate(-90, { origin: [doc.page.margins.left + 4, plotTop + height / 2] });
  doc.text(toPrintable(options.yLabel), doc.page.margins.left + 4 - height / 2, plotTop + height / 2 - 8, { width: height, align: 'center', lineBreak: false });
  doc.restore();
  doc.y = plotTop + height + 32;
}
