/**
 * @module
 * Section 2: each criterion with its weight, scale, minimum (a knock-out) and, where the
 * tender defined them, what each score means: the yardstick the panel scored against.
 */
import { formatDutchTrimmed, formatEuros } from '../../domain/money.js';
import { bulletList, heading, labelledRows, paragraph } from '../pdf/layout.js';
import { wording } from '../wording.js';
import type { SectionContext } from './context.js';

export function drawCriteriaSection(context: SectionContext): void {
  const { doc, data } = context;
  const words = wording.evaluation.criteria;
  heading(doc, { text: wording.evaluation.sections.criteria, level: 1 });
  for (const criterion of data.criteria) {
    heading(doc, { text: `${criterion.id} ${criterion.title}`, level: 3 });
    if (criterion.description) paragraph(doc, { text: criterion.description });
    const rows: [string, string][] = [
      [words.weight, formatDutchTrimmed(criterion.weight)],
      [words.scale, criterion.scale.map((value) => formatDutchTrimmed(value)).join('; ')],
      [words.minimum, criterion.minimum === undefined ? words.noMinimum : formatDutchTrimmed(criterion.minimum)],
    ];
    if (criterion.value !== undefined) rows.push([words.value, formatEuros(criterion.value)]);
    labelledRows(doc, { rows });
    if (criterion.levels && criterion.levels.length > 0) {
      paragraph(doc, { text: words.levels, after: 2 });
      bulletList(doc, { items: criterion.levels.map((level) => `${formatDutchTrimmed(level.score)}: ${level.meaning}`) });
    }
  }
}
