/**
 * @module
 * `GET /api/v1/tenders/:id/ocds`: the tender as an OCDS 1.1 release package, built by the
 * pure mapping in src/domain/ocds from the exported dossier and the server's evaluation.
 * Dates come from the tender's record; the package's own date is the last change. The
 * package's `uri` and the release's ocid come from configuration (`PUBLIC_BASE_URL`,
 * `OCDS_OCID_PREFIX`), never from the request: a published package must not name whatever
 * host a client sent in its Host header.
 */
import { buildOcdsReleasePackage } from '../../domain/ocds/build-release-package.js';
import type { OcdsReleasePackage } from '../../domain/ocds/release-types.js';
import { API_BASE_PATH } from '../../http/api-version.js';
import type { AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import type { StoredAwardDecision } from '../award/award.service.js';
import { computeEvaluation, loadDossier } from '../evaluation/evaluation.service.js';
import { requireTenderRole, tenderRowOf, type TenderAccess } from '../tenders/tender-access.js';

export function exportOcds(ctx: AppContext, { access }: { access: TenderAccess }): OcdsReleasePackage {
  // Members and auditors; an evaluator may not see prices this way either.
  requireTenderRole(access, ['inkoper', 'admin', 'auditor'], 'export the tender as OCDS');
  const tender = tenderRowOf(ctx, access);
  const organisation = ctx.queries.organisations.findOrganisation(tender.organisationId);
  if (organisation === undefined) throw new AppError('not-found');
  const decision = tender.awardDecision === null ? undefined : (JSON.parse(tender.awardDecision) as StoredAwardDecision);
  return buildOcdsReleasePackage({
    tender: {
      id: tender.id,
      status: tender.status,
      ocidPrefix: ctx.config.ocidPrefix,
      ...(tender.openedAt ? { openedAt: tender.openedAt } : {}),
      ...(decision ? { awardDecisionAt: decision.decidedAt, standstillEndsOn: decision.standstillEndsOn } : {}),
      updatedAt: tender.updatedAt,
    },
    dossier: loadDossier(ctx, tender.id),
    result: computeEvaluation(ctx, tender.id),
    buyer: { id: organisation.id, name: organisation.name },
    publishedDate: tender.updatedAt,
    uri: `${ctx.config.publicBaseUrl}${API_BASE_PATH}/tenders/${tender.id}/ocds`,
  });
}
