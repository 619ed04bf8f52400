/**
 * @module
 * The engine's own fields of a stored or served evaluation: what `evaluateDossier` computes,
 * without the server's additions (docs/api-decisions.md: per bid `lowBidReview`;
 * `incomplete`, `pendingBids`, `blockingReviews`, `panel`). What a re-computation from the dossier is
 * compared with, by the auditor's recompute route and by `verify` for a report's embedded
 * result alike.
 */

/** The server's additions to the engine's result, left out of a comparison. */
const SERVER_FIELDS = ['incomplete', 'pendingBids', 'blockingReviews', 'panel'] as const;

/** @example engineFieldsOf(JSON.parse(evaluationJson)) */
export function engineFieldsOf(evaluation: unknown): unknown {
  if (typeof evaluation !== 'object' || evaluation === null) return evaluation;
  const copy: Record<string, unknown> = { ...(evaluation as Record<string, unknown>) };
  for (const field of SERVER_FIELDS) delete copy[field];
  if (Array.isArray(copy.bids)) {
    copy.bids = copy.bids.map((bid: unknown) => {
      if (typeof bid !== 'object' || bid === null) return bid;
      const { lowBidReview: _review, ...engine } = bid as Record<string, unknown>;
      return engine;
    });
  }
  return copy;
}
