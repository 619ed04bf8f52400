/**
 * @module
 * The consensus step for one bid on one criterion: the evaluators' scores side by side, and
 * the check on the consensus score the inkoper records.
 *
 * Disagreement (issue 5: "the individual scores span more than a third of the scale"):
 * `max - min > (scaleMax - scaleMin) / 3`, strictly, because "more than" excludes "exactly";
 * it is tested as `3 * spread > scaleMax - scaleMin` with the tie tolerance of ties.ts, so a
 * decimal scale such as [0; 0,5; 1; 1,5] does not tip on a rounding error. On 0-10 a spread
 * of 4 is a disagreement and 3 is not; on [0, 3, 6, 9] one step (3, exactly a third) is not.
 *
 * Consensus outside the range (issue 5: "needs a motivation that says why (enforced)"): the
 * motivation of every consensus score must be a sentence (motivation.ts). A score below the
 * lowest or above the highest individual score also needs a separate `deviationReason`,
 * itself a sentence and not a copy of the motivation. A separate field makes the inkoper
 * acknowledge the deviation on purpose, and lets the report print it as such; a length rule
 * on the motivation alone could not tell an explanation of the deviation from any other text.
 * Without individual scores (an imported dossier) there is no range and no such check.
 *
 * Why: the consensus is where a panel's judgement becomes the score that decides the award;
 * a consensus that none of the evaluators gave is legitimate (they may convince each other)
 * but must be explainable to a losing bidder.
 */
import { formatNumberNl } from '../evaluation/dossier-rules.js';
import { scoresTie } from '../ties.js';
import { isSentence, normaliseMotivation, SENTENCE_RULE_MESSAGE } from './motivation.js';

export type EvaluatorScore = { evaluatorId: string; score: number };

export type ConsensusView = {
  /** As given, so the caller decides the order (e.g. the panel's). */
  scores: EvaluatorScore[];
  scaleMin: number;
  scaleMax: number;
  /** null when no evaluator scored. */
  min: number | null;
  max: number | null;
  /** max - min */
  spread: number | null;
  mean: number | null;
  disagreement: boolean;
  consensusScore: number | null;
  /** Whether the consensus lies outside [min, max]; null without consensus or without scores. */
  outsideRange: boolean | null;
};

export type ConsensusCheck =
  | { ok: true; outsideRange: boolean; range: { min: number; max: number } | null }
  | {
      ok: false;
      code: 'motivation-not-a-sentence' | 'deviation-reason-required';
      /** The input field to point at in a problem's `errors[].path`. */
      path: 'motivation' | 'deviationReason';
      message: string;
    };

function scaleBounds(scale: readonly number[]): { scaleMin: number; scaleMax: number } {
  const [scaleMin, scaleMax] = [scale[0], scale[scale.length - 1]];
  if (scaleMin === undefined || scaleMax === undefined || !(scaleMax > scaleMin)) {
    throw new RangeError(`a scale needs at least two ascending values: [${scale.join(', ')}]`);
  }
  return { scaleMin, scaleMax };
}

function rangeOf(scores: readonly EvaluatorScore[]): { min: number; max: number } | null {
  if (scores.length === 0) return null;
  const values = scores.map((s) => s.score);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** More than a third of the scale, strictly; see the module comment. */
export function spansMoreThanAThird(spread: number, scale: readonly number[]): boolean {
  const { scaleMin, scaleMax } = scaleBounds(scale);
  const range = scaleMax - scaleMin;
  return 3 * spread > range && !scoresTie(3 * spread, range);
}

/**
 * @example buildConsensusView({ individualScores: [{ evaluatorId: 'u1', score: 2 }, { evaluatorId: 'u2', score: 8 }], scale: [0, 2, 4, 6, 8, 10] })
 * // { min: 2, max: 8, spread: 6, mean: 5, disagreement: true, ... }
 */
export function buildConsensusView({
  individualScores,
  scale,
  consensusScore = null,
}: {
  individualScores: readonly EvaluatorScore[];
  scale: readonly number[];
  consensusScore?: number | null;
}): ConsensusView {
  const { scaleMin, scaleMax } = scaleBounds(scale);
  const range = rangeOf(individualScores);
  const scores = individualScores.map(({ evaluatorId, score }) => ({ evaluatorId, score }));
  if (range === null) {
    const empty = { min: null, max: null, spread: null, mean: null, disagreement: false, outsideRange: null };
    return { scores, scaleMin, scaleMax, ...empty, consensusScore };
  }
  const spread = range.max - range.min;
  const mean = scores.reduce((sum, s) => sum + s.score, 0) / scores.length;
  const outsideRange = consensusScore === null ? null : consensusScore < range.min || consensusScore > range.max;
  return {
    scores,
    scaleMin,
    scaleMax,
    ...range,
    spread,
    mean,
    disagreement: spansMoreThanAThird(spread, scale),
    consensusScore,
    outsideRange,
  };
}

/**
 * Refuses a consensus score whose motivation is not a sentence, or that lies outside the
 * individual scores without a `deviationReason`.
 * @example checkConsensus({ individualScores: [{ evaluatorId: 'u1', score: 4 }, { evaluatorId: 'u2', score: 6 }], consensusScore: 8, motivation: 'Het plan is uitstekend onderbouwd.' })
 * // { ok: false, code: 'deviation-reason-required', path: 'deviationReason', message: 'Consensusscore 8 ligt buiten ...' }
 */
export function checkConsensus({
  individualScores,
  consensusScore,
  motivation,
  deviationReason,
}: {
  individualScores: readonly EvaluatorScore[];
  consensusScore: number;
  motivation: string;
  deviationReason?: string | null | undefined;
}): ConsensusCheck {
  if (!isSentence(motivation)) {
    return {
      ok: false,
      code: 'motivation-not-a-sentence',
      path: 'motivation',
      message: `De motivering van de consensusscore is te kort: ${SENTENCE_RULE_MESSAGE}.`,
    };
  }
  const range = rangeOf(individualScores);
  const outsideRange = range !== null && (consensusScore < range.min || consensusScore > range.max);
  if (range === null || !outsideRange) return { ok: true, outsideRange: false, range };

  const reason = deviationReason ?? '';
  const copiesMotivation = normaliseMotivation(reason).toLowerCase() === normaliseMotivation(motivation).toLowerCase();
  if (isSentence(reason) && !copiesMotivation) return { ok: true, outsideRange: true, range };
  const bounds =
    range.min === range.max
      ? `de score die alle beoordelaars gaven (${formatNumberNl(range.min)})`
      : `de scores van de beoordelaars (${formatNumberNl(range.min)} tot en met ${formatNumberNl(range.max)})`;
  const ask = copiesMotivation && reason.trim() !== '' ? 'herhaal niet de motivering, maar leg uit' : 'leg uit';
  return {
    ok: false,
    code: 'deviation-reason-required',
    path: 'deviationReason',
    message: `Consensusscore ${formatNumberNl(consensusScore)} ligt buiten ${bounds}; ${ask} waarom de consensus daarvan afwijkt: ${SENTENCE_RULE_MESSAGE}.`,
  };
}
