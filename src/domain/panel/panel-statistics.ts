/**
 * @module
 * The `panel` part of the evaluation result: per evaluator its severity, and the agreement
 * of the whole panel.
 *
 * Method: a unit is one bid on one criterion, a rater one evaluator. Every individual score
 * is pooled as score / scaleMax of its criterion (panel-scores.ts), so one interval metric
 * covers criteria with different scales and a disagreement weighs what it would weigh in
 * quality points. Krippendorff's alpha (krippendorff-alpha.ts) runs over the individual
 * scores only; the consensus score is the panel's outcome, not a rating of its own, and is
 * only used for severity (evaluator-severity.ts). A unit scored by one evaluator is not
 * pairable and does not count; `pairableValues` says how many scores alpha rests on.
 *
 * Evaluators come out in the order of `evaluators` (the panel as assigned, with names), then
 * any evaluator that has scores but is not listed, by id; a listed evaluator without scores
 * shows `scores: 0` and a null severity.
 *
 * Why: the result must show whether the consensus rests on a panel that agreed and on
 * evaluators who scored alike, or on one voice (issue 5, "Panel statistics").
 */
import { computeEvaluatorSeverity } from './evaluator-severity.js';
import { computeKrippendorffAlpha } from './krippendorff-alpha.js';
import { type ConsensusScore, type IndividualScore, indexCriteria, normaliseScore, type ScaledCriterion, unitKey } from './panel-scores.js';

export type PanelMember = { userId: string; name?: string | undefined };

export type PanelInput = {
  criteria: readonly ScaledCriterion[];
  /** The panel as assigned; optional, it gives the order and the names. */
  evaluators?: readonly PanelMember[] | undefined;
  /** At most one per evaluator, bid and criterion. */
  individualScores: readonly IndividualScore[];
  consensusScores: readonly ConsensusScore[];
};

export type PanelEvaluatorStatistics = {
  userId: string;
  name?: string;
  /** Signed mean deviation from consensus in score / scaleMax; < 0 strict, > 0 lenient. */
  severity: number | null;
  meanAbsoluteDeviation: number | null;
  /** How many scores with a consensus the severity rests on. */
  scores: number;
};

export type PanelAgreement = {
  alpha: number | null;
  pairableValues: number;
  units: number;
  metric: 'interval';
};

export type PanelStatistics = {
  evaluators: PanelEvaluatorStatistics[];
  agreement: PanelAgreement;
};

function requireOneScoreEach(scores: readonly IndividualScore[]): void {
  const seen = new Set<string>();
  for (const { evaluatorId, bidId, criterionId } of scores) {
    const key = JSON.stringify([evaluatorId, bidId, criterionId]);
    if (seen.has(key)) throw new RangeError(`evaluator ${evaluatorId} has two scores for bid ${bidId} on ${criterionId}`);
    seen.add(key);
  }
}

/** Units (bid x criterion) as rows, evaluators as columns, scores as score / scaleMax. */
function buildReliabilityMatrix(
  criteria: readonly ScaledCriterion[],
  scores: readonly IndividualScore[],
  evaluatorIds: readonly string[],
): (number | undefined)[][] {
  const criterionOf = indexCriteria(criteria);
  const column = new Map(evaluatorIds.map((id, i) => [id, i]));
  const rows = new Map<string, (number | undefined)[]>();
  for (const { evaluatorId, bidId, criterionId, score } of scores) {
    const key = unitKey(bidId, criterionId);
    const row = rows.get(key) ?? evaluatorIds.map(() => undefined);
    rows.set(key, row);
    row[column.get(evaluatorId) as number] = normaliseScore(score, criterionOf(criterionId).scale);
  }
  return [...rows.values()];
}

/**
 * @example computePanelStatistics({ criteria, evaluators: [{ userId: 'u1', name: 'Anna' }], individualScores, consensusScores })
 * // { evaluators: [{ userId: 'u1', name: 'Anna', severity: -0.1, meanAbsoluteDeviation: 0.1, scores: 2 }],
 * //   agreement: { alpha: 0.83, pairableValues: 6, units: 3, metric: 'interval' } }
 */
export function computePanelStatistics({ criteria, evaluators = [], individualScores, consensusScores }: PanelInput): PanelStatistics {
  requireOneScoreEach(individualScores);
  const listed = new Set(evaluators.map((e) => e.userId));
  if (listed.size !== evaluators.length) throw new RangeError('an evaluator is listed twice in the panel');
  const unlisted = [...new Set(individualScores.map((s) => s.evaluatorId))].filter((id) => !listed.has(id)).sort();
  const members: PanelMember[] = [...evaluators, ...unlisted.map((userId) => ({ userId }))];

  const severity = new Map(computeEvaluatorSeverity({ criteria, individualScores, consensusScores }).map((s) => [s.evaluatorId, s]));
  const evaluatorStatistics = members.map(({ userId, name }): PanelEvaluatorStatistics => {
    const own = severity.get(userId);
    return {
      userId,
      ...(name === undefined ? {} : { name }),
      severity: own?.meanDeviation ?? null,
      meanAbsoluteDeviation: own?.meanAbsoluteDeviation ?? null,
      scores: own?.scores ?? 0,
    };
  });

  const matrix = buildReliabilityMatrix(
    criteria,
    individualScores,
    members.map((m) => m.userId),
  );
  const { alpha, pairableValues, units } = computeKrippendorffAlpha(matrix, { metric: 'interval' });
  return { evaluators: evaluatorStatistics, agreement: { alpha, pairableValues, units, metric: 'interval' } };
}
