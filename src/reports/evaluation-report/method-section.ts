/**
 * @module
 * Section 1: the award method with its formula in words and the weights as fixed before the
 * bids were opened, so a reader can recompute every score in section 4 by hand.
 */
import { METHODS_WITH_PRICE_WEIGHT } from '../../domain/evaluation/dossier.js';
import { formatDutchTrimmed, formatEuros, formatPercent } from '../../domain/money.js';
import { heading, labelledRows, paragraph } from '../pdf/layout.js';
import { drawTable } from '../pdf/table.js';
import { methodFormula, methodName } from '../report-format.js';
import { fill, wording } from '../wording.js';
import type { SectionContext } from './context.js';

function tieBreakSentence(context: SectionContext): string {
  const words = wording.evaluation.method;
  const order = context.data.award.tieBreak ?? ['quality', 'lot'];
  if (order.length === 0) return words.tieBreakNone;
  return fill(words.tieBreak, { order: order.map((rule) => words.tieBreaks[rule]).join(', ') });
}

export function drawMethodSection(context: SectionContext): void {
  const { doc, data } = context;
  const words = wording.evaluation.method;
  heading(doc, { text: wording.evaluation.sections.method, level: 1 });
  labelledRows(doc, { rows: [[words.name, methodName(data.award)]] });
  paragraph(doc, { text: methodFormula(data.award) });
  paragraph(doc, { text: words.qualityPoints });

  const usesPriceWeight = METHODS_WITH_PRICE_WEIGHT.includes(data.award.method) && data.award.priceWeight !== undefined;
  const priceWeight = usesPriceWeight ? (data.award.priceWeight ?? 0) : 0;
  const total = data.criteria.reduce((sum, criterion) => sum + criterion.weight, 0) + priceWeight;
  const share = (weight: number) => formatPercent(weight / total);
  const rows = data.criteria.map((criterion) => ({
    cells: [`${criterion.id} ${criterion.title}`, formatDutchTrimmed(criterion.weight), share(criterion.weight)],
  }));
  if (usesPriceWeight) rows.push({ cells: [words.priceRow, formatDutchTrimmed(priceWeight), share(priceWeight)] });
  rows.push({ cells: [words.totalRow, formatDutchTrimmed(total), '100%'] });
  paragraph(doc, { text: words.weightsIntro });
  const [part = '', weight = '', portion = ''] = words.weightColumns;
  drawTable(doc, {
    columns: [
      { header: part, width: 0.64 },
      { header: weight, width: 0.18, align: 'right' },
      { header: portion, width: 0.18, align: 'right' },
    ],
    rows: rows.map((row, index) => (index === rows.length - 1 ? { ...row, bold: true } : row)),
  });
  if (!usesPriceWeight) paragraph(doc, { text: words.noPriceWeight });
  paragraph(doc, { text: tieBreakSentence(context) });
  if (data.award.priceCeiling !== undefined && data.award.method !== 'min-max-set') {
    paragraph(doc, { text: fill(words.priceCeiling, { amount: formatEuros(data.award.priceCeiling) }) });
  }
  drawFormulaCheck(context);
}

/** The formula check: whether the rules above invite a race to the bottom, in the memo's words. */
function drawFormulaCheck(context: SectionContext): void {
  const { doc, data } = context;
  const check = data.formulaCheck;
  if (check === undefined) return;
  const words = wording.evaluation.method;
  heading(doc, { text: words.formulaCheck, level: 2 });
  paragraph(doc, { text: words.formulaCheckIntro });
  paragraph(doc, { text: check.verdictSentence });
  paragraph(doc, { text: check.qualityPointPrice.sentence });
}
