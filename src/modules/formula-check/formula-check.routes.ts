/**
 * @module
 * `GET /api/v1/tenders/:id/formula-check` (scoped by `tenderScope`) and, per lot of a
 * procedure, `GET /api/v1/procedures/:id/formula-check` (scoped by `procedureScope`).
 */
import { createRoute } from '@hono/zod-openapi';
import { createRouter, IdParams, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { procedureAccessOf } from '../procedures/procedure-access.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { FormulaCheckResponse, ProcedureFormulaCheckResponse } from './formula-check.contract.js';
import { getFormulaCheck } from './formula-check.service.js';
import { getProcedureFormulaCheck } from './procedure-formula-check.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/tenders/{id}/formula-check',
  tags: ['tenders'],
  summary: 'Does the price formula invite a race to the bottom? Computed from the tender alone (inkoper, auditor)',
  request: { params: IdParams },
  responses: { 200: jsonContent(FormulaCheckResponse, 'The check, every number with a Dutch sentence'), ...problemResponses },
});

const procedureRoute = createRoute({
  method: 'get',
  path: '/api/v1/procedures/{id}/formula-check',
  tags: ['procedures'],
  summary: "The formula check of every lot of a procedure, each on the lot's own formula (inkoper, auditor on every lot)",
  description:
    'Per perceel, in de volgorde van de percelen, dezelfde controle als GET /api/v1/tenders/{id}/formula-check op de aanbesteding van dat perceel, ' +
    'met één zin die het perceel noemt; niets wordt over percelen heen samengenomen.',
  request: { params: IdParams },
  responses: { 200: jsonContent(ProcedureFormulaCheckResponse, 'The check per lot'), ...problemResponses },
});

export function formulaCheckRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(route, (c) => c.json(getFormulaCheck(ctx, { access: tenderAccessOf(c) }), 200))
    .openapi(procedureRoute, (c) => c.json(getProcedureFormulaCheck(ctx, procedureAccessOf(c)), 200));
}
