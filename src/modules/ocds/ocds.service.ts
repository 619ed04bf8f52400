/**
 * @module
 * `GET /api/v1/tenders/:id/ocds`: the tender as an OCDS 1.1 release package, built by the
 * pure mapping in src/domain/ocds from the exported dossier and the server's evaluation.
 * Dates come from the tender's record; the package's own date is the last change. The
 * package's `uri` and the release's ocid come from configuration (`PUBLIC_BASE_URL`,
 * `OCDS_OCID_PREFIX`), never from the request: a published package must not name whatever
 * host a client sent in its Host header.
 *
 * The serialised package is kept per tender as the evaluation is (evaluation-cache.ts): it
 * is the same for everyone who may export it, and it changes only with an audit event of the
 * tender or of no tender (the organisation's name); the configuration is fixed per process.
 */
import { buildOcdsReleasePackage } from '../../domain/ocds/build-release-package.js';
import type { OcdsReleasePackage } from '../../domain/ocds/release-types.js';
import { API_BASE_PATH } from '../../http/api-version.js';
import type { AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { createVersionedCache, type VersionedCache } from '../../lib/versioned-cache.js';
import type { StoredAwardDecision } from '../award/award.service.js';
import { evaluationVersion } from '../evaluation/evaluation-cache.js';
import { computeEvaluation, loadDossier } from '../evaluation/evaluation.service.js';
import { requireTenderRole, tenderRowOf, type TenderAccess } from '../tenders/tender-access.js';

/** The package as UTF-8 bytes, encoded once: a hit writes them as they are (issue 19: the export's p99). */
export type OcdsCache = VersionedCache<Uint8Array<ArrayBuffer>>;

/** 32 MiB of packages (a 200-bid tender's is about 120 kB). */
export const createOcdsCache = (): OcdsCache =>
  createVersionedCache<Uint8Array<ArrayBuffer>>({ maxEntries: 200, maxWeight: 32 * 1024 * 1024, weightOf: (bytes) => bytes.byteLength });

declare module '../../http/types.js' {
  interface AppContext {
    /** The serialised OCDS package per tender, by the tender's newest event and the newest of no tender. */
    ocdsCache: OcdsCache;
  }
}

/** The release package as the JSON bytes the route sends, from the cache while the tender is unchanged. */
export function exportOcdsJson(ctx: AppContext, { access }: { access: TenderAccess }): Uint8Array<ArrayBuffer> {
  mayExport(access);
  const version = evaluationVersion(ctx.queries.audit.findChangeMarks(access.tender.id));
  const cached = ctx.ocdsCache.get(access.tender.id, version);
  if (cached !== undefined) return cached;
  const bytes = new TextEncoder().encode(JSON.stringify(exportOcds(ctx, { access })));
  ctx.ocdsCache.set(access.tender.id, version, bytes);
  return bytes;
}

function mayExport(access: TenderAccess): void {
  // Members and auditors; an evaluator may not see prices this way either.
  requireTenderRole(access, ['inkoper', 'admin', 'auditor'], 'de aanbesteding als OCDS exporteren');
}

export function exportOcds(ctx: AppContext, { access }: { access: TenderAccess }): OcdsReleasePackage {
  mayExport(access);
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
