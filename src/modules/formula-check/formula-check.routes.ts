/**
 * @module
 * `GET /api/v1/tenders/:id/formula-check`. Scoped by `tenderScope`.
 */
import { createRoute } from '@hono/zod-openapi';
import { createRouter, IdParams, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { getFormulaCheck } from './formula-check.service.js';
import { FormulaCheckResponse } from './formula-check.contract.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/tenders/{id}/formula-check',
  tags: ['tenders'],
  summary: 'Does the price formula invite a race to the bottom? Computed from the tender alone (inkoper, auditor)',
  request: { params: IdParams },
  responses: { 200: jsonContent(FormulaCheckResponse, 'The check, every number with a Dutch sentence'), ...problemResponses },
});

export function formulaCheckRoutes(ctx: AppContext) {
  return createRouter().openapi(route, (c) => c.json(getFormulaCheck(ctx, { access: tenderAccessOf(c) }), 200));
}
