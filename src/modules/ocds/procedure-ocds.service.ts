/**
 * @module
 * `GET /api/v1/procedures/:id/ocds`: the procedure as one OCDS 1.1 release package (issue 21),
 * built by the pure `buildProcedureReleasePackage` from the procedure as the server holds it
 * and its allocation under the award limitation. Every lot carries its own status and award
 * decision (`meta.lots`): lots are decided per decision, each with its own standstill, and the
 * awards follow the recorded decisions (a decided lot's winner is the allocated bid, by
 * construction of the decision). The procedure's own status is its least advanced lot's.
 * Access as a lot's OCDS export (inkoper, admin, auditor on every lot); the `uri` comes from
 * configuration, never from the request.
 */
import { TENDER_STATUSES, type TenderStatus } from '../../db/schema/index.js';
import { buildProcedureReleasePackage, type OcdsLotDecision } from '../../domain/ocds/build-procedure-release.js';
import type { OcdsReleasePackage } from '../../domain/ocds/release-types.js';
import { API_BASE_PATH } from '../../http/api-version.js';
import type { AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import type { StoredAwardDecision } from '../award/award.service.js';
import { requireProcedureRole, type ProcedureAccess } from '../procedures/procedure-access.js';
import { evaluatedOnRecord } from '../procedures/procedures.service.js';
import { tenderRowOf } from '../tenders/tender-access.js';

const latest = (values: readonly string[]): string | undefined => [...values].sort().at(-1);

export function exportProcedureOcds(ctx: AppContext, { access }: { access: ProcedureAccess }): OcdsReleasePackage {
  // As a lot's OCDS export: members and auditors; an evaluator may not see prices this way either.
  requireProcedureRole(access, ['inkoper', 'admin', 'auditor'], 'de procedure als OCDS exporteren');
  const organisation = ctx.queries.organisations.findOrganisation(access.procedure.organisationId);
  if (organisation === undefined) throw new AppError('not-found');
  const { procedure, result } = evaluatedOnRecord(ctx, access.procedure);
  const tenders = access.lots.map(({ lot, access: lotAccess }) => ({ lotId: lot.lotId, tender: tenderRowOf(ctx, lotAccess) }));
  const lots: Record<string, OcdsLotDecision> = {};
  for (const { lotId, tender } of tenders) {
    const decision = tender.awardDecision === null ? undefined : (JSON.parse(tender.awardDecision) as StoredAwardDecision);
    lots[lotId] = {
      status: tender.status,
      ...(decision === undefined ? {} : { awardDecisionAt: decision.decidedAt, standstillEndsOn: decision.standstillEndsOn }),
    };
  }
  const rank = (status: TenderStatus) => TENDER_STATUSES.indexOf(status);
  const status = tenders.map(({ tender }) => tender.status).reduce((a, b) => (rank(b) < rank(a) ? b : a));
  const opened = tenders.flatMap(({ tender }) => (tender.openedAt ? [tender.openedAt] : [])).sort();
  const updatedAt = latest([access.procedure.createdAt, ...tenders.map(({ tender }) => tender.updatedAt)]) ?? access.procedure.createdAt;
  return buildProcedureReleasePackage(procedure, result, {
    id: access.procedure.id,
    status,
    ocidPrefix: ctx.config.ocidPrefix,
    ...(opened[0] === undefined ? {} : { openedAt: opened[0] }),
    updatedAt,
    lots,
    buyer: { id: organisation.id, name: organisation.name },
    publishedDate: updatedAt,
    uri: `${ctx.config.publicBaseUrl}${API_BASE_PATH}/procedures/${access.procedure.id}/ocds`,
  });
}
