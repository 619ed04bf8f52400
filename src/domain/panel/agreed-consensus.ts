/**
 * @module
 * Where the panel already agrees, and where it is furthest apart, for the consensus matrix
 * (issue 15).
 *
 * Steps apart: how many steps of the criterion's scale lie between the lowest and the
 * highest individual score, counted as the scale values above the lowest score up to and
 * including the highest (with the tie tolerance of ties.ts). On [0, 25, 50, 75, 100] the
 * scores 50 and 100 are two steps apart, 75 and 100 one. More than one step apart is what
 * the matrix marks: neighbouring scores are the ordinary difference of judgement between
 * careful people, a score skipped in between means they read the bid differently and the
 * meeting should talk about it. This is stricter than `disagreement` (a third of the
 * scale, issue 5), which the report keeps.
 *
 * Agreed: every member on the panel gave the same score (at least one score). The inkoper
 * may then adopt that score as the consensus without a meeting on it; its motivation is
 * built from the members' own motivations (each different one once, in panel order), so
 * that the reasons the bidder reads are the reasons the evaluators wrote. Evaluators are not
 * named in it: the consensus motivation reaches the bidders in the award letters.
 */
import { scoresTie } from '../ties.js';
import { normaliseMotivation } from './motivation.js';

/**
 * @example scaleStepsApart([50, 100], [0, 25, 50, 75, 100]) // 2
 * @example scaleStepsApart([], [0, 25, 50, 75, 100]) // null
 */
export function scaleStepsApart(scores: readonly number[], scale: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  return scale.filter((value) => value > min && !scoresTie(value, min) && (value < max || scoresTie(value, max))).length;
}

/** @example differsByMoreThanOneStep([50, 100], [0, 25, 50, 75, 100]) // true */
export function differsByMoreThanOneStep(scores: readonly number[], scale: readonly number[]): boolean {
  return (scaleStepsApart(scores, scale) ?? 0) > 1;
}

/**
 * The score every member gave, or null when they differ or nobody scored.
 * @example agreedScoreOf([75, 75]) // 75
 * @example agreedScoreOf([75, 50]) // null
 */
export function agreedScoreOf(scores: readonly number[]): number | null {
  const [first] = scores;
  if (first === undefined) return null;
  return scores.every((score) => scoresTie(score, first)) ? first : null;
}

/**
 * The members' motivations as one consensus motivation: each different text once (compared
 * without regard to case and whitespace), in the order given, one per line.
 * @example buildAgreedMotivation(['Het plan is concreet.', 'het plan is  concreet.', 'De planning is haalbaar.'])
 * // 'Het plan is concreet.\nDe planning is haalbaar.'
 */
export function buildAgreedMotivation(motivations: readonly string[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const motivation of motivations) {
    const key = normaliseMotivation(motivation).toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(motivation.trim());
  }
  return kept.join('\n');
}
