/**
 * @module
 * `GET /api/v1/tenders/:id/recompute` (inkoper, auditor): what an auditor would do with the
 * CLI, done on the server. The dossier is exported, serialised exactly as `GET .../dossier`
 * serves it (its SHA-256 is in the answer, so the auditor can check that the file it
 * downloaded is the one re-computed), parsed back with the CLI's validation and evaluated by
 * the engine. The result is compared field by field with the stored evaluation:
 * - after an award decision, the evaluation stored in the decision (what the award rests on);
 * - before it, the evaluation the server serves now (`GET .../evaluation`, from its cache).
 * Only the server's own additions are left out of the comparison (per bid `lowBidReview`;
 * `incomplete`, `pendingBids`, `blockingReviews`, `panel`): every field of the engine's result counts.
 *
 * While consensus scores are missing the dossier is not valid (the CLI refuses it too), so
 * there is nothing final to re-compute: 409 with the missing scores.
 */
import { createHash } from 'node:crypto';
import { parseDossier } from '../../domain/evaluation/dossier.schema.js';
import { engineFieldsOf } from '../../domain/evaluation/engine-fields.js';
import { evaluateDossier } from '../../domain/evaluation/evaluate.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { prefixFieldPath } from '../../lib/field-path.js';
import type { StoredAwardDecision } from '../award/award.service.js';
import { evaluateTenderJson, exportDossier } from '../evaluation/evaluation.service.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import { diffJson, type JsonDifference } from '../../lib/json-diff.js';

export type RecomputeSource = 'award-decision' | 'current-evaluation';

export type Recomputation = {
  matches: boolean;
  differences: JsonDifference[];
  /** Which stored evaluation was compared. */
  stored: RecomputeSource;
  /** When it was stored: the award decision, or the tender's last change. */
  storedAt: string;
  /** SHA-256 (hex) of the dossier as `GET .../dossier` serves it, which was re-computed. */
  dossierSha256: string;
};

export { engineFieldsOf };

function storedEvaluation(ctx: AppContext, access: TenderAccess): { evaluation: unknown; stored: RecomputeSource; storedAt: string } {
  const tender = ctx.queries.tenders.findTender(access.tender.id);
  if (tender === undefined) throw new AppError('not-found');
  if (tender.awardDecision !== null) {
    const decision = JSON.parse(tender.awardDecision) as StoredAwardDecision;
    return { evaluation: decision.evaluation, stored: 'award-decision', storedAt: decision.decidedAt };
  }
  const lastChange = ctx.queries.auditor.findLastEventOfTender(tender.id)?.at ?? tender.updatedAt;
  return { evaluation: JSON.parse(evaluateTenderJson(ctx, { access })) as unknown, stored: 'current-evaluation', storedAt: lastChange };
}

/**
 * @example recomputeEvaluation(ctx, { actor, access }) // { matches: true, differences: [], stored: 'award-decision', ... }
 */
export function recomputeEvaluation(ctx: AppContext, { actor, access }: { actor: Actor; access: TenderAccess }): Recomputation {
  requireTenderRole(access, ['inkoper', 'auditor'], 'de beoordeling herberekenen');
  // Both reads in one snapshot: the dossier and the evaluation it is compared with.
  return ctx.db.sqlite
    .transaction((): Recomputation => {
      const dossierJson = JSON.stringify(exportDossier(ctx, { actor, access }));
      const dossierSha256 = createHash('sha256').update(dossierJson).digest('hex');
      const parsed = parseDossier(JSON.parse(dossierJson));
      if (!parsed.ok) {
        throw new AppError('conflict', {
          detail:
            'Het dossier is nog niet volledig, dus ook de CLI zou het weigeren: herberekenen kan zodra het compleet is, met alle consensusscores vastgelegd.',
          errors: parsed.problems.map((problem) => ({ path: prefixFieldPath('dossier', problem.path), message: problem.message })),
        });
      }
      // Through JSON like the stored side, so both are the values a client would read.
      const recomputed = JSON.parse(JSON.stringify(evaluateDossier(parsed.dossier))) as unknown;
      const { evaluation, stored, storedAt } = storedEvaluation(ctx, access);
      const differences = diffJson(engineFieldsOf(evaluation), recomputed);
      return { matches: differences.length === 0, differences, stored, storedAt, dossierSha256 };
    })
    .deferred();
}
