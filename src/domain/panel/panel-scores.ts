/**
 * @module
 * The scores of an evaluation panel and the one way they are made comparable.
 *
 * Method: a score counts as `score / scaleMax`, the last value of the criterion's scale.
 * That is exactly how the engine turns a consensus score into quality points (spec
 * evaluation.md: points = score / max x weight), so a difference of 0.1 in these units is
 * 10 % of the criterion's weight, whatever its scale. Criteria in one tender have different
 * scales ([0, 2, 4, 6, 8, 10], [0, 25, 50, 75, 100], [1 .. 5]); without this, a criterion on a
 * 0-100 scale would swamp the panel statistics and a 1-5 criterion would vanish in them.
 *
 * Why not (score - min) / (max - min): for scales that start at 0, the usual case, both are
 * the same; for a 1-5 scale the engine itself gives a 1 still 0.2 of the weight, and the
 * panel statistics measure disagreement in the units that decide the award.
 */

/** A criterion as far as the panel needs it: its id and its ascending scale. */
export type ScaledCriterion = { id: string; scale: readonly number[] };

/** One evaluator's own score for one bid on one criterion. */
export type IndividualScore = { evaluatorId: string; bidId: string; criterionId: string; score: number };

/** The score the inkoper recorded after the consensus meeting. */
export type ConsensusScore = { bidId: string; criterionId: string; score: number };

/** The highest value of a scale (scales ascend; the dossier rules guarantee it is > 0). */
export function scaleMaximum(scale: readonly number[]): number {
  const max = scale[scale.length - 1];
  if (max === undefined || !(max > 0)) throw new RangeError(`a scale needs a last value above 0: [${scale.join(', ')}]`);
  return max;
}

/** @example normaliseScore(6, [0, 2, 4, 6, 8, 10]) // 0.6 */
export function normaliseScore(score: number, scale: readonly number[]): number {
  if (!Number.isFinite(score)) throw new RangeError(`a score must be a finite number: ${score}`);
  return score / scaleMaximum(scale);
}

/** The key of one unit of the panel: one bid on one criterion. */
export function unitKey(bidId: string, criterionId: string): string {
  return JSON.stringify([bidId, criterionId]);
}

/** The criteria by id; a score on an unknown criterion is a caller's bug, not data. */
export function indexCriteria(criteria: readonly ScaledCriterion[]): (criterionId: string) => ScaledCriterion {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  return (criterionId) => {
    const criterion = byId.get(criterionId);
    if (criterion === undefined) throw new RangeError(`score on unknown criterion ${criterionId}`);
    return criterion;
  };
}
