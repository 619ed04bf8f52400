/**
 * @module
 * The dossier export and the server's evaluation. The evaluation is, by construction,
 * `evaluateDossier(export)`: the same function the CLI runs on the exported file, so both
 * give the same result field for field.
 *
 * While consensus scores are missing the dossier is not yet a valid one (every bid needs a
 * score per criterion). Then the bids that are complete are evaluated among themselves and
 * `incomplete` lists every missing (bid, criterion) pair; the result is a preview, final only
 * when `incomplete` is empty. Relative methods may rank differently once the rest is in.
 */
import { evaluateDossier } from '../../domain/evaluation/evaluate.js';
import type { Dossier } from '../../domain/evaluation/dossier.js';
import type { EvaluationResult } from '../../domain/evaluation/result.js';
import type { AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { storedTenderToDossier } from '../tenders/dossier-mapping.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';

export type MissingScore = { bidId: string; criterionId: string };
export type TenderEvaluation = EvaluationResult & { incomplete: MissingScore[] };

function loadDossier(ctx: AppContext, tenderId: string): Dossier {
  const stored = ctx.queries.tenders.loadTender(tenderId);
  if (stored === undefined) throw new AppError('not-found');
  return storedTenderToDossier(stored);
}

/** `GET .../dossier`: the tender as a dossier that `POST /tenders/import` and the CLI accept. */
export function exportDossier(ctx: AppContext, { access }: { access: TenderAccess }): Dossier {
  requireTenderRole(access, ['inkoper', 'auditor'], 'export the dossier');
  return loadDossier(ctx, access.tender.id);
}

export function findMissingScores(dossier: Dossier): MissingScore[] {
  return dossier.bids.flatMap((bid) =>
    dossier.criteria.filter((c) => bid.scores[c.id] === undefined).map((c) => ({ bidId: bid.id, criterionId: c.id })),
  );
}

/** `GET .../evaluation`. */
export function evaluateTender(ctx: AppContext, { access }: { access: TenderAccess }): TenderEvaluation {
  requireTenderRole(access, ['inkoper', 'auditor'], 'see the evaluation');
  return computeEvaluation(ctx, access.tender.id);
}

/**
 * `GET .../evaluation` as JSON text, from the cache while nothing has changed since it was
 * computed (see evaluation-cache.ts). The hot read path of the server.
 */
export function evaluateTenderJson(ctx: AppContext, { access }: { access: TenderAccess }): string {
  requireTenderRole(access, ['inkoper', 'auditor'], 'see the evaluation');
  const auditSeq = ctx.queries.audit.findLastEvent()?.seq ?? 0;
  const cached = ctx.evaluationCache.get(access.tender.id, auditSeq);
  if (cached !== undefined) return cached;
  const json = JSON.stringify(computeEvaluation(ctx, access.tender.id));
  ctx.evaluationCache.set(access.tender.id, auditSeq, json);
  return json;
}

function computeEvaluation(ctx: AppContext, tenderId: string): TenderEvaluation {
  const dossier = loadDossier(ctx, tenderId);
  const incomplete = findMissingScores(dossier);
  if (incomplete.length === 0) return { ...evaluateDossier(dossier), incomplete };
  const lacking = new Set(incomplete.map((m) => m.bidId));
  const complete = { ...dossier, bids: dossier.bids.filter((bid) => !lacking.has(bid.id)) };
  return { ...evaluateDossier(complete), incomplete };
}
