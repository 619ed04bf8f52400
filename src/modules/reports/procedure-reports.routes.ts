/**
 * @module
 * `POST /api/v1/procedures/:id/reports` and `GET /api/v1/procedures/:id/reports` (issue 21):
 * a procedure's signed evaluation report and its award letters per school. Scoped by
 * `procedureScope`; each report is read at `GET /api/v1/reports/{id}` and checked by
 * `POST /api/v1/reports/verify` as any other.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { REPORT_KINDS } from '../../db/schema/index.js';
import { MAX_LOTS } from '../../domain/procedure/procedure.js';
import type { RuleBeyondSchema } from '../../domain/rules-beyond-schema.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { procedureAccessOf } from '../procedures/procedure-access.js';
import { createProcedureReports, listProcedureReports } from './procedure-reports.service.js';
import { ReportListItem } from './reports.routes.js';

const ProcedureReportBody = z
  .strictObject({
    kind: z
      .enum(['evaluation', 'award-letters'])
      .openapi({ description: 'evaluation: het beoordelingsrapport van de procedure; award-letters: een gunningsbrief per school' }),
    lots: z
      .array(z.string().min(1).max(TEXT_LIMITS.id))
      .min(1)
      .max(MAX_LOTS)
      .optional()
      .openapi({ description: 'Alleen bij award-letters: de percelen van één beslissing; weglaten: elk besloten perceel' }),
  })
  .openapi('ProcedureReportInput');

const RULES: RuleBeyondSchema[] = [
  { path: 'lots', rule: 'alleen bij award-letters' },
  { path: 'lots[*]', rule: 'een perceel van de procedure' },
];

const CreatedProcedureReport = z
  .object({
    id: z.string(),
    kind: z.enum(REPORT_KINDS),
    addresseeKvk: z.string().nullable().openapi({ description: 'Bij een gunningsbrief: het KvK-nummer van de school' }),
    sha256: z.string(),
    url: z.string(),
  })
  .openapi('CreatedProcedureReport');

const routes = {
  create: createRoute({
    method: 'post',
    path: '/api/v1/procedures/{id}/reports',
    tags: ['procedures'],
    summary: 'Make, sign and store the procedure’s evaluation report or, after the award decision, one award letter per school (inkoper)',
    description:
      'award-letters: een brief per school die inschreef op de percelen van één beslissing (standaard elk besloten perceel), over al haar percelen daarvan. ' +
      '409 vóór de beslissing, voor percelen van verschillende beslissingen, of zolang niet elk perceel een volledig dossier is.',
    request: { params: IdParams, body: jsonBody(ProcedureReportBody) },
    responses: {
      201: jsonContent(z.array(CreatedProcedureReport), 'The reports made, each at GET /api/v1/reports/{id}'),
      ...problemResponses,
      ...invalidInput(RULES),
      ...conflictResponse,
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/api/v1/procedures/{id}/reports',
    tags: ['procedures'],
    summary: 'The signed reports of the procedure, oldest first (inkoper, admin, auditor on every lot)',
    request: { params: IdParams },
    responses: { 200: jsonContent(z.array(ReportListItem), 'The reports'), ...problemResponses },
  }),
};

export function procedureReportRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(routes.create, async (c) =>
      c.json(await createProcedureReports(ctx, { actor: requireActor(c), access: procedureAccessOf(c), input: c.req.valid('json') }), 201),
    )
    .openapi(routes.list, (c) => c.json(listProcedureReports(ctx, { access: procedureAccessOf(c) }), 200));
}
