/**
 * @module
 * Where a score goes, for an evaluator's own score and for the consensus alike: a bid and a
 * criterion of the tender (404 otherwise, naming which), and a score on that criterion's
 * scale (400 on `score`). Runs inside the write's transaction.
 */
import type { AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';

export function requireScoreTarget(
  ctx: Pick<AppContext, 'queries'>,
  { tenderId, bidId, criterionId, score }: { tenderId: string; bidId: string; criterionId: string; score: number },
): void {
  const q = ctx.queries.tenders;
  if (q.findBid(tenderId, bidId) === undefined) throw new AppError('not-found', { detail: `Inschrijving ${bidId} bestaat niet.` });
  const criterion = q.listCriteria(tenderId).find((c) => c.id === criterionId);
  if (criterion === undefined) throw new AppError('not-found', { detail: `Criterium ${criterionId} bestaat niet.` });
  const scale = JSON.parse(criterion.scale) as number[];
  if (!scale.includes(score)) {
    throw new AppError('invalid-input', {
      errors: [{ path: 'score', message: `score ${score} komt niet voor op de schaal ${scale.join(', ')}` }],
    });
  }
}
