/**
 * @module
 * Evaluator severity: how strict or lenient one evaluator scored compared with the consensus.
 *
 * Method: for every score of the evaluator on a bid and criterion that has a consensus
 * score, the deviation is (own score - consensus score) / scaleMax of the criterion (the
 * units of panel-scores.ts: 0.1 is 10 % of the criterion's weight in quality points).
 * `meanDeviation` is the signed mean: below 0 the evaluator scored stricter than the panel's
 * consensus, above 0 more lenient. `meanAbsoluteDeviation` is the mean of the absolute
 * deviations: an erratic evaluator whose highs and lows cancel has a mean near 0 but a large
 * absolute mean. Both are null when none of its scores has a consensus yet; `scores` is the
 * number of scores they rest on.
 *
 * Why: one systematically strict or lenient evaluator moves the consensus and, through it,
 * the ranking; a panel (and an auditor) should see it, next to how many scores say so.
 *
 * Example: consensus 6 and 8 on a 0-10 scale, evaluator scores 4 and 8: deviations -0.2 and
 * 0, meanDeviation -0.1 (strict), meanAbsoluteDeviation 0.1, scores 2.
 */
import { type ConsensusScore, type IndividualScore, indexCriteria, scaleMaximum, type ScaledCriterion, unitKey } from './panel-scores.js';

export type EvaluatorSeverity = {
  evaluatorId: string;
  meanDeviation: number | null;
  meanAbsoluteDeviation: number | null;
  scores: number;
};

/**
 * One entry per evaluator that has scores, in order of its first score.
 * @example computeEvaluatorSeverity({ criteria: [{ id: 'K1', scale: [0, 10] }], individualScores: [{ evaluatorId: 'u1', bidId: 'B1', criterionId: 'K1', score: 4 }], consensusScores: [{ bidId: 'B1', criterionId: 'K1', score: 6 }] })
 * // [{ evaluatorId: 'u1', meanDeviation: -0.2, meanAbsoluteDeviation: 0.2, scores: 1 }]
 */
export function computeEvaluatorSeverity({
  criteria,
  individualScores,
  consensusScores,
}: {
  criteria: readonly ScaledCriterion[];
  individualScores: readonly IndividualScore[];
  consensusScores: readonly ConsensusScore[];
}): EvaluatorSeverity[] {
  const criterionOf = indexCriteria(criteria);
  const consensus = new Map(consensusScores.map((c) => [unitKey(c.bidId, c.criterionId), c.score]));
  const sums = new Map<string, { signed: number; absolute: number; scores: number }>();
  for (const { evaluatorId, bidId, criterionId, score } of individualScores) {
    const sum = sums.get(evaluatorId) ?? { signed: 0, absolute: 0, scores: 0 };
    sums.set(evaluatorId, sum);
    const agreed = consensus.get(unitKey(bidId, criterionId));
    if (agreed === undefined) continue;
    // One division of the difference: (4 - 6) / 10 is exactly -0.2; 0.4 - 0.6 is not.
    const deviation = (score - agreed) / scaleMaximum(criterionOf(criterionId).scale);
    sum.signed += deviation;
    sum.absolute += Math.abs(deviation);
    sum.scores += 1;
  }
  return [...sums].map(([evaluatorId, { signed, absolute, scores }]) => ({
    evaluatorId,
    meanDeviation: scores === 0 ? null : signed / scores,
    meanAbsoluteDeviation: scores === 0 ? null : absolute / scores,
    scores,
  }));
}
