/**
 * @module
 * The Dutch number words of the formula check. Every number the check computes comes with a
 * sentence that a procurement officer can paste into the tender memo, so numbers are written
 * the Dutch way (EUR 1.234,56; 6,25 punten) through money.ts, and in one place.
 */
import type { Criterion } from '../evaluation/dossier.js';
import type { ScoreKind } from '../evaluation/result.js';
import { formatDutchNumber, formatDutchTrimmed, formatEuroCents, formatEuros } from '../money.js';
import type { Scores } from './formula-tender.js';

/** @example formatPoints(6.25) // "6,25 punten"; formatPoints(1) // "1 punt" */
export function formatPoints(points: number): string {
  const text = formatDutchTrimmed(points, 2);
  return text === '1' ? '1 punt' : `${text} punten`;
}

/** Euros that need not be whole cents (a price of a quality point), rounded to the cent for reading. */
export function formatAmount(euros: number): string {
  return formatEuros(Math.round(euros * 100) / 100);
}

export { formatEuroCents };

/** A score in the unit of its method, as the evaluation prints it. */
export function formatScoreOfKind(kind: ScoreKind, score: number): string {
  switch (kind) {
    case 'fictive-price':
      return `een fictieve prijs van ${formatAmount(score)}`;
    case 'ratio':
      return `${formatDutchNumber(score * 1000, 4)} punten per 1000 euro`;
    case 'utility':
      return `utiliteit ${formatDutchNumber(score, 4)}`;
    default:
      return formatPoints(score);
  }
}

/** A difference between two scores in the unit of the method. */
export function formatScoreDifference(kind: ScoreKind, difference: number): string {
  switch (kind) {
    case 'fictive-price':
      return `${formatAmount(difference)} fictieve prijs`;
    case 'ratio':
      return `${formatDutchNumber(difference * 1000, 4)} punten per 1000 euro`;
    case 'utility':
      return `${formatDutchNumber(difference, 4)} utiliteit`;
    default:
      return formatPoints(difference);
  }
}

/** `K1 75, K2 50 (minimum)`: the scores of a made-up bid, with the minimums named. */
export function formatScores(criteria: readonly Criterion[], scores: Scores): string {
  return criteria
    .map((criterion) => {
      const score = scores[criterion.id] ?? 0;
      const note = criterion.minimum !== undefined && score === criterion.minimum ? ' (minimum)' : '';
      return `${criterion.id} ${formatDutchTrimmed(score, 4)}${note}`;
    })
    .join(', ');
}

/** "a, b en c" */
export function joinDutch(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
}
