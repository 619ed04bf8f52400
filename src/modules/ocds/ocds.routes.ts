/**
 * @module
 * `GET /api/v1/tenders/:id/ocds` (scoped by `tenderScope`) and `GET /api/v1/procedures/:id/ocds`
 * (scoped by `procedureScope`, issue 21).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { conflictResponse, createRouter, IdParams, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { procedureAccessOf } from '../procedures/procedure-access.js';
import { exportOcdsJson } from './ocds.service.js';
import { exportProcedureOcds } from './procedure-ocds.service.js';

// The package's fields are OCDS's, described by the OCDS release package schema, not re-described
// here. That also keeps OCDS's date-times named `...Date` (publishedDate, tenderPeriod.endDate)
// out of this document: the NL API Design Rules linter takes any field named so for a date
// (docs/api-design-rules.md, /core/date-time/date-omit-time-portion).
const ReleasePackage = z
  .looseObject({ uri: z.string(), version: z.literal('1.1'), releases: z.array(z.looseObject({ ocid: z.string() })) })
  .openapi('OcdsReleasePackage', {
    description:
      'An OCDS 1.1 release package with the bids, lots, awardCriteria and submissionTerms extensions; ' +
      'its fields and their formats are those of the OCDS 1.1.5 release package schema',
    externalDocs: { description: 'OCDS 1.1 schema reference', url: 'https://standard.open-contracting.org/1.1/en/schema/reference/' },
  });

const route = createRoute({
  method: 'get',
  path: '/api/v1/tenders/{id}/ocds',
  tags: ['tenders'],
  summary: 'The tender as an OCDS 1.1 release package (inkoper, admin, auditor)',
  request: { params: IdParams },
  responses: { 200: jsonContent(ReleasePackage, 'The release package'), ...problemResponses },
});

const procedureRoute = createRoute({
  method: 'get',
  path: '/api/v1/procedures/{id}/ocds',
  tags: ['procedures'],
  summary: 'The procedure with its lots as one OCDS 1.1 release package (inkoper, admin, auditor on every lot)',
  description:
    'Eén release met elk perceel (lots), de inschrijvingen per perceel (relatedLots) en een gunning per perceel volgens de ' +
    'toewijzing onder de gunningsbeperking, met de status en de beslissing van elk perceel. 409 zolang niet elk perceel een volledig dossier is.',
  request: { params: IdParams },
  responses: { 200: jsonContent(ReleasePackage, 'The release package'), ...problemResponses, ...conflictResponse },
});

export function ocdsRoutes(ctx: AppContext) {
  const router = createRouter();
  // The package goes out as already-serialised (usually cached) JSON text, which the typed
  // `openapi()` handler cannot return: documented here, served by a plain route below (as the
  // evaluation is, tenders.routes.ts).
  router.openAPIRegistry.registerPath(route);
  router.get('/api/v1/tenders/:id/ocds', (c) => c.body(exportOcdsJson(ctx, { access: tenderAccessOf(c) }), 200, { 'content-type': 'application/json' }));
  router.openapi(procedureRoute, (c) => c.json(exportProcedureOcds(ctx, { access: procedureAccessOf(c) }) as z.infer<typeof ReleasePackage>, 200));
  return router;
}
