/**
 * @module
 * `GET /api/v1/tenders/:id/ocds`. Scoped by `tenderScope`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, IdParams, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { exportOcds } from './ocds.service.js';

const ReleasePackage = z
  .looseObject({ uri: z.string(), version: z.literal('1.1'), publishedDate: z.string(), releases: z.array(z.looseObject({ ocid: z.string() })) })
  .openapi('OcdsReleasePackage', { description: 'An OCDS 1.1 release package with the bids, lots and awardCriteria extensions' });

const route = createRoute({
  method: 'get', path: '/api/v1/tenders/{id}/ocds', tags: ['tenders'],
  summary: 'The tender as an OCDS 1.1 release package (inkoper, admin, auditor)',
  request: { params: IdParams },
  responses: { 200: jsonContent(ReleasePackage, 'The release package'), ...problemResponses },
});

export function ocdsRoutes(ctx: AppContext) {
  return createRouter().openapi(route, (c) => c.json(exportOcds(ctx, { access: tenderAccessOf(c) }) as never, 200));
}
