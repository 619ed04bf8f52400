/**
 * @module
 * `GET /api/v1/regions/:id/comparison` (admins, inkopers and auditors of the regio or of a
 * member gemeente). The per-tender cache lives as long as the app (comparison-cache.ts).
 */
import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../http/authenticate.js';
import { createRouter, IdParams, invalidInput, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import type { TenderStatus } from '../../db/schema/index.js';
import { ComparisonQuery, RegionComparisonResponse } from './regions.contract.js';
import { compareRegionTenders } from './regions.service.js';

const comparisonRoute = createRoute({
  method: 'get',
  path: '/api/v1/regions/{id}/comparison',
  tags: ['regions'],
  summary: 'Providers compared across the tenders of a regio and its member gemeenten (admin, inkoper, auditor)',
  description:
    'Per provider: bids, wins (of award decisions), price per learner per route (median, min, max), mean quality fraction, ' +
    'flagged bids and their art. 2.116 outcomes, and the cross-tender flag: a median price per learner strictly below the ' +
    "route's lower fence Q1 - 1.5 x IQR of all the region's bids, with the quartiles. Per route: the statistics, the fence " +
    'and the price per learner per year. Filters work on the tender: its opening day (Europe/Amsterdam), lot and status. ' +
    'Per route: lots of different procedures are one route when their lot texts match normalised (see the route parameter), and ' +
    "every statistic across tenders is computed per route, so one route's prices never move another's median or fence; " +
    '`lots` names each lot of a procedure counted, with its procedure. ' +
    "Only the tenders the caller may see count: another organisation's once awarded, the caller's own organisation's from " +
    'opening (not for a member of its panel), a draft never; every figure is computed from those alone.',
  request: { params: IdParams, query: ComparisonQuery },
  responses: {
    200: jsonContent(RegionComparisonResponse, 'The comparison'),
    ...problemResponses,
    ...invalidInput([{ path: 'query.to', rule: 'niet vóór from' }]),
  },
});

export function regionRoutes(ctx: AppContext) {
  return createRouter().openapi(comparisonRoute, (c) => {
    const { from, to, route, status } = c.req.valid('query');
    const filters = {
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(route === undefined ? {} : { route }),
      ...(status === undefined ? {} : { statuses: [...new Set(status.split(','))] as TenderStatus[] }),
    };
    return c.json(compareRegionTenders(ctx, { actor: requireActor(c), regionId: c.req.valid('param').id, filters }), 200);
  });
}
