/**
 * @module
 * `/api/v1/procedures`: import a procedure file with its lots, list, read, export, the
 * allocation of the lots under the award limitation, and the limitation itself while every
 * lot is draft (issue 21). Everything under `/procedures/:id` is scoped by `procedureScope`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { procedureAccessOf } from './procedure-access.js';
import {
  AllocationResponse,
  IMPORT_PROCEDURE_RULES,
  ImportProcedureQuery,
  ProcedureFileDoc,
  ProcedureFileResponse,
  ProcedureResponse,
  PUT_AWARD_LIMIT_RULES,
  PutAwardLimitBody,
  ADD_PROCEDURE_EVALUATOR_RULES,
  PROCEDURE_DECLARATION_RULES,
  ProcedureDeclarationBody,
  ProcedurePanelMember,
  ADD_LOT_RULES,
  AddLotBody,
  CREATE_PROCEDURE_RULES,
  CreateProcedureBody,
  CreateProcedureQuery,
  ProcedureLotParams,
  SETTINGS_COPY_RULES,
  SettingsCopyBody,
  RECORD_DRAW_RULES,
  RecordDrawBody,
} from './procedures.contract.js';
import { addLot, copyLotSettings, createProcedure } from './procedure-creation.service.js';
import { deleteProcedure } from './procedure-deletion.service.js';
import { recordProcedureDraw } from './procedure-draws.service.js';
import { addProcedureEvaluator, declareForProcedure, getProcedureDeclarationSubject, getProcedurePanel } from './procedure-panel.service.js';
import { AssignBody } from '../panel/panel.routes.js';
import { allocateProcedure, exportProcedure, getProcedure, importProcedure, listProcedures, setAwardLimit } from './procedures.service.js';

const tags = ['procedures'];
const idRequest = { params: IdParams };

const routes = {
  create: createRoute({
    method: 'post',
    path: '/api/v1/procedures',
    tags,
    summary: 'Create a procedure with its lots, each lot a draft tender from a template (inkoper)',
    description:
      'Elk perceel wordt een aanbesteding in voorbereiding zoals POST /api/v1/tenders met een template haar maakt, met als kenmerk dat van de procedure, ' +
      'een streepje en het id van het perceel; alles in één transactie. Daarna heeft elk perceel zijn eigen instellingen (PATCH /api/v1/tenders/{id}).',
    request: { query: CreateProcedureQuery, body: jsonBody(CreateProcedureBody) },
    responses: {
      201: jsonContent(ProcedureResponse, 'The new procedure'),
      ...problemResponses,
      ...invalidInput(CREATE_PROCEDURE_RULES),
    },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/api/v1/procedures/{id}',
    tags,
    summary: 'Delete a procedure with all its lots while every lot is draft without bids (inkoper); 409 naming the lot otherwise',
    description:
      'Per perceel de regels van DELETE /api/v1/tenders/{id} (in voorbereiding, geen rapport, geen ontvangen document) en geen inschrijving; alles in één transactie. ' +
      'De audittrail bewaart wat er was.',
    request: idRequest,
    responses: { 204: { description: 'Deleted; the audit trail keeps the procedure and its lots as they were' }, ...problemResponses, ...conflictResponse },
  }),
  addLot: createRoute({
    method: 'post',
    path: '/api/v1/procedures/{id}/lots',
    tags,
    summary: 'Add a lot, last, from a template or as a copy of another lot’s award rules, while every lot is draft (inkoper); 409 after',
    description:
      'Met copyOf neemt het perceel de criteria, gewichten, schalen, minimumscores, prijsformule, regels voor lage inschrijvingen en enveloppen van dat perceel over, ' +
      'niet de inschrijvingen, het panel of de raming. Bij de regel lot-order komt het perceel achteraan in de gepubliceerde volgorde.',
    request: { ...idRequest, body: jsonBody(AddLotBody) },
    responses: {
      201: jsonContent(ProcedureResponse, 'The procedure with its new lot'),
      ...problemResponses,
      ...invalidInput(ADD_LOT_RULES),
      ...conflictResponse,
    },
  }),
  settingsCopy: createRoute({
    method: 'post',
    path: '/api/v1/procedures/{id}/lots/{lotId}/settings-copy',
    tags,
    summary: 'Copy one lot’s criteria, weights, scales, minimums, price formula and low-bid rules onto other draft lots (inkoper)',
    description:
      'Elk doelperceel zoals PATCH /api/v1/tenders/{id} het wijzigt, met zijn eigen tender.update in de audittrail; alles in één transactie. ' +
      'Daarna wijzigt u elk perceel weer los. 409 met het perceel erin als een doelperceel niet meer in voorbereiding is.',
    request: { params: ProcedureLotParams, body: jsonBody(SettingsCopyBody) },
    responses: {
      200: jsonContent(ProcedureResponse, 'The procedure'),
      ...problemResponses,
      ...invalidInput(SETTINGS_COPY_RULES),
      ...conflictResponse,
    },
  }),
  import: createRoute({
    method: 'post',
    path: '/api/v1/procedures/import',
    tags,
    summary: 'Import a procedure file (procedure@1) with its lots, each lot as a draft tender (inkoper)',
    description:
      'De body is het procedurebestand zelf; elke fout heeft zijn pad vanaf de wortel van het bestand (lots[1].dossier.bids[0].price). ' +
      'Elk perceel wordt een aanbesteding in voorbereiding, zoals POST /api/v1/tenders/import een dossier inleest; alles in één transactie.',
    request: { query: ImportProcedureQuery, body: jsonBody(ProcedureFileDoc) },
    responses: {
      201: jsonContent(ProcedureResponse, 'The imported procedure'),
      ...problemResponses,
      ...invalidInput(IMPORT_PROCEDURE_RULES),
      ...conflictResponse,
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/api/v1/procedures',
    tags,
    summary: 'The procedures the caller may read (every lot of each)',
    responses: { 200: jsonContent(z.array(ProcedureResponse), 'Procedures, oldest first'), ...problemResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/api/v1/procedures/{id}',
    tags,
    summary: 'One procedure with its lots',
    request: idRequest,
    responses: { 200: jsonContent(ProcedureResponse, 'The procedure'), ...problemResponses },
  }),
  export: createRoute({
    method: 'get',
    path: '/api/v1/procedures/{id}/export',
    tags,
    summary: 'The procedure as a procedure@1 file (inkoper, auditor)',
    description:
      'Elk perceel met zijn dossier precies zoals GET /api/v1/tenders/{id}/dossier het geeft; 409 zolang bij twee enveloppen de prijzen niet geopend zijn.',
    request: idRequest,
    responses: { 200: jsonContent(ProcedureFileResponse, 'The file; re-imports to the same procedure'), ...problemResponses, ...conflictResponse },
  }),
  allocation: createRoute({
    method: 'get',
    path: '/api/v1/procedures/{id}/allocation',
    tags,
    summary: 'Each lot’s result and the allocation of the lots under the award limitation (inkoper, auditor)',
    description:
      'evaluateProcedure op het geëxporteerde bestand, zoals de opdrachtregel het geeft. 409 zolang een perceel geen volledig dossier is ' +
      '(ontbrekende consensusscores) of bij twee enveloppen de prijzen niet geopend zijn.',
    request: idRequest,
    responses: { 200: jsonContent(AllocationResponse, 'The allocation'), ...problemResponses, ...conflictResponse },
  }),
  awardLimit: createRoute({
    method: 'put',
    path: '/api/v1/procedures/{id}/award-limit',
    tags,
    summary: 'Set the award limitation and the schools’ preferences while every lot is draft (inkoper); 409 after',
    request: { ...idRequest, body: jsonBody(PutAwardLimitBody) },
    responses: {
      200: jsonContent(ProcedureResponse, 'The procedure'),
      ...problemResponses,
      ...invalidInput(PUT_AWARD_LIMIT_RULES),
      ...conflictResponse,
    },
  }),
  recordDraw: createRoute({
    method: 'post',
    path: '/api/v1/procedures/{id}/draws',
    tags,
    summary: 'Record the draw of lots for a lot that awaits one under the award limitation (inkoper); the allocation then uses it',
    description:
      'Alleen voor een perceel dat volgens de toewijzing (met de lotingen tot nu toe) op een loting wacht, en alleen voor een van de gelijk geëindigde inschrijvingen; ' +
      'anders 409 (perceel wacht niet) of 400 (inschrijving niet gelijk geëindigd). De gunningsbeslissing van de procedure en van het perceel gebruiken de loting daarna.',
    request: { ...idRequest, body: jsonBody(RecordDrawBody) },
    responses: {
      201: jsonContent(ProcedureResponse, 'The procedure with its draws'),
      ...problemResponses,
      ...invalidInput(RECORD_DRAW_RULES),
      ...conflictResponse,
    },
  }),
  addEvaluator: createRoute({
    method: 'post',
    path: '/api/v1/procedures/{id}/evaluators',
    tags,
    summary: 'Seat a beoordelaar on the panel of every lot at once (inkoper); a lot that refuses refuses the whole call (409 naming the lot)',
    description:
      'Elk perceel zoals POST /api/v1/tenders/{id}/evaluators: de rol beoordelaar bij de organisatie, geen inkoper of auditor van het perceel, ' +
      'het perceel niet voorbij de gunningsbeslissing; alles in één transactie.',
    request: { ...idRequest, body: jsonBody(AssignBody) },
    responses: {
      201: jsonContent(ProcedurePanelMember, 'The member with its seat on every lot'),
      ...problemResponses,
      ...invalidInput(ADD_PROCEDURE_EVALUATOR_RULES),
      ...conflictResponse,
    },
  }),
  evaluators: createRoute({
    method: 'get',
    path: '/api/v1/procedures/{id}/evaluators',
    tags,
    summary: 'Every member of a lot’s panel with, per lot, whether it is seated, declared and sealed (inkoper, auditor)',
    request: idRequest,
    responses: { 200: jsonContent(z.array(ProcedurePanelMember), 'The members, in the order of the lots, then of assignment'), ...problemResponses },
  }),
  declarationSubject: createRoute({
    method: 'get',
    path: '/api/v1/procedures/{id}/declaration',
    tags,
    summary:
      'The schools of every lot, each once by KvK number, that the procedure’s declaration is about, also before it (beoordelaar on every lot’s panel; inkoper, auditor)',
    description: 'Alleen de namen en KvK-nummers van de inschrijvers: prijzen en al het andere van de inschrijvingen blijven verborgen tot de verklaring.',
    request: idRequest,
    responses: {
      200: jsonContent(
        z.object({ schools: z.array(z.object({ name: z.string(), kvk: z.string() })) }).openapi('ProcedureDeclarationSubject'),
        'The schools, each once, in the order of the lots and their bids',
      ),
      ...problemResponses,
    },
  }),
  declare: createRoute({
    method: 'post',
    path: '/api/v1/procedures/{id}/declaration',
    tags,
    summary: 'Declare (no) conflict of interest once about every school of the procedure, recorded on every lot (beoordelaar on every lot’s panel)',
    description:
      'Eén verklaring over alle scholen van de procedure (per KvK-nummer), op elk perceel vastgelegd zoals POST /api/v1/tenders/{id}/conflict-declaration; ' +
      'met conflictWith geldt de belangenverstrengeling op elk perceel waar een van die scholen inschreef.',
    request: { ...idRequest, body: jsonBody(ProcedureDeclarationBody) },
    responses: {
      200: jsonContent(ProcedurePanelMember, 'The member after the declaration'),
      ...problemResponses,
      ...invalidInput(PROCEDURE_DECLARATION_RULES),
      ...conflictResponse,
    },
  }),
};

export function procedureRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(routes.create, (c) => {
      const { organisationId } = c.req.valid('query');
      return c.json(createProcedure(ctx, { actor: requireActor(c), organisationId, input: c.req.valid('json') }), 201);
    })
    .openapi(routes.delete, (c) => {
      deleteProcedure(ctx, { actor: requireActor(c), access: procedureAccessOf(c) });
      return c.body(null, 204);
    })
    .openapi(routes.addLot, (c) => c.json(addLot(ctx, { actor: requireActor(c), access: procedureAccessOf(c), input: c.req.valid('json') }), 201))
    .openapi(routes.settingsCopy, (c) =>
      c.json(
        copyLotSettings(ctx, { actor: requireActor(c), access: procedureAccessOf(c), lotId: c.req.valid('param').lotId, to: c.req.valid('json').to }),
        200,
      ),
    )
    .openapi(routes.import, (c) => {
      const { organisationId } = c.req.valid('query');
      return c.json(importProcedure(ctx, { actor: requireActor(c), organisationId, file: c.req.valid('json') }), 201);
    })
    .openapi(routes.list, (c) => c.json(listProcedures(ctx, { actor: requireActor(c) }), 200))
    .openapi(routes.get, (c) => c.json(getProcedure(ctx, { access: procedureAccessOf(c) }), 200))
    .openapi(routes.export, (c) => c.json(exportProcedure(ctx, { actor: requireActor(c), access: procedureAccessOf(c) }), 200))
    .openapi(routes.allocation, (c) => c.json(allocateProcedure(ctx, { actor: requireActor(c), access: procedureAccessOf(c) }), 200))
    .openapi(routes.awardLimit, (c) => {
      const { awardLimit, preferences = null } = c.req.valid('json');
      return c.json(setAwardLimit(ctx, { actor: requireActor(c), access: procedureAccessOf(c), awardLimit, preferences }), 200);
    })
    .openapi(routes.recordDraw, (c) =>
      c.json(recordProcedureDraw(ctx, { actor: requireActor(c), access: procedureAccessOf(c), input: c.req.valid('json') }), 201),
    )
    .openapi(routes.addEvaluator, (c) =>
      c.json(addProcedureEvaluator(ctx, { actor: requireActor(c), access: procedureAccessOf(c), userId: c.req.valid('json').userId }), 201),
    )
    .openapi(routes.evaluators, (c) => c.json(getProcedurePanel(ctx, { access: procedureAccessOf(c) }), 200))
    .openapi(routes.declarationSubject, (c) => c.json(getProcedureDeclarationSubject(ctx, { actor: requireActor(c), access: procedureAccessOf(c) }), 200))
    .openapi(routes.declare, (c) =>
      c.json(declareForProcedure(ctx, { actor: requireActor(c), access: procedureAccessOf(c), input: c.req.valid('json') }), 200),
    );
}
