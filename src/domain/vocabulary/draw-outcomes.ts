/**
 * @module
 * What a recorded draw of lots for a lot of a procedure did under the award limitation
 * (docs/procedures.md, "Ties"): it decided the lot (`drawOfLots` in the allocation), or it
 * decided nothing because the lot is not, or no longer, tied with the drawn bid among the
 * tied (`drawNotUsed`), which the allocation reports rather than drop in silence.
 */
import { labelsOf, type Term } from './term.js';

export const DRAW_OUTCOMES = ['decided', 'not-used'] as const;
export type DrawOutcome = (typeof DRAW_OUTCOMES)[number];

export const DRAW_OUTCOME_TERMS: Readonly<Record<DrawOutcome, Term>> = {
  decided: {
    label: 'beslist het perceel',
    explanation: 'De inschrijvingen stonden gelijk en de beslisregel besliste niet; de vastgelegde loting wees de winnaar aan.',
  },
  'not-used': {
    label: 'niet gebruikt',
    explanation:
      'De loting is vastgelegd, maar het perceel staat niet (meer) gelijk tussen de gelote inschrijving en een andere die het perceel nog kan krijgen; de loting beslist dan niets.',
  },
};

export const DRAW_OUTCOME_NAMES: Readonly<Record<DrawOutcome, string>> = labelsOf(DRAW_OUTCOME_TERMS);
