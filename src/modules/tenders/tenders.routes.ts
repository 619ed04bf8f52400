/**
 * @module
 * `/api/v1/tenders`: create, import, list, read, patch, delete (draft), open, and the tender's dossier,
 * evaluation and audit events. Everything under `/tenders/:id` is scoped by `tenderScope`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { listTenderAuditEvents } from '../audit/tender-audit-events.js';
import { evaluateTenderJson, exportDossier } from '../evaluation/evaluation.service.js';
import { tenderAccessOf } from './tender-access.js';
import { AuditEventResponse } from '../audit/audit-event.contract.js';
import { EvaluationResponse } from '../evaluation/evaluation.contract.js';
import {
  CREATE_TENDER_RULES,
  CreateTenderBody,
  DossierResponse,
  IMPORT_TENDER_RULES,
  ImportTenderBody,
  OPEN_TENDER_RULES,
  OpenTenderBody,
  PATCH_TENDER_RULES,
  PatchTenderBody,
  TenderResponse,
} from './tenders.contract.js';
import { createTender, getTender, importTender, listTenders, openTender, patchTender } from './tenders.service.js';
import { deleteDraftTender } from './tender-deletion.service.js';

const tags = ['tenders'];
const idRequest = { params: IdParams };

const routes = {
  create: createRoute({
    method: 'post',
    path: '/api/v1/tenders',
    tags,
    summary: 'Create a draft tender from dossier fields or a template (inkoper)',
    request: { body: jsonBody(CreateTenderBody) },
    responses: { 201: jsonContent(TenderResponse, 'The new tender'), ...problemResponses, ...invalidInput(CREATE_TENDER_RULES) },
  }),
  import: createRoute({
    method: 'post',
    path: '/api/v1/tenders/import',
    tags,
    summary: 'Import a whole dossier as a draft tender (inkoper)',
    request: { body: jsonBody(ImportTenderBody) },
    responses: { 201: jsonContent(TenderResponse, 'The imported tender'), ...problemResponses, ...invalidInput(IMPORT_TENDER_RULES) },
  }),
  list: createRoute({
    method: 'get',
    path: '/api/v1/tenders',
    tags,
    summary: 'The tenders the caller may read',
    responses: { 200: jsonContent(z.array(TenderResponse), 'Tenders'), ...problemResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}',
    tags,
    summary: 'One tender',
    request: idRequest,
    responses: { 200: jsonContent(TenderResponse, 'The tender'), ...problemResponses },
  }),
  patch: createRoute({
    method: 'patch',
    path: '/api/v1/tenders/{id}',
    tags,
    summary: 'Change a draft tender (inkoper); 409 once opened',
    request: { ...idRequest, body: jsonBody(PatchTenderBody) },
    responses: { 200: jsonContent(TenderResponse, 'The changed tender'), ...problemResponses, ...invalidInput(PATCH_TENDER_RULES), ...conflictResponse },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/api/v1/tenders/{id}',
    tags,
    summary: 'Delete a draft tender with its bids (inkoper); 409 once opened or when a report exists',
    description:
      'The criteria, bids, price lines, imported scores and panel go; the audit trail keeps every event of the tender, and tender.delete says what was removed.',
    request: idRequest,
    responses: { 204: { description: 'Deleted' }, ...problemResponses, ...conflictResponse },
  }),
  open: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/open',
    tags,
    summary: 'Close bidding and freeze the award rules (inkoper)',
    description:
      'When the formula check says the formula invites underbidding, opening answers 409 unless the body confirms it ' +
      '(confirmUnderbiddingRisk: true) with a motivation of at least a sentence; both go into the audit trail.',
    request: {
      ...idRequest,
      body: {
        required: false,
        content: {
          'application/json': {
            schema: OpenTenderBody,
          },
        },
      },
    },
    responses: { 200: jsonContent(TenderResponse, 'The opened tender'), ...problemResponses, ...invalidInput(OPEN_TENDER_RULES), ...conflictResponse },
  }),
  dossier: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/dossier',
    tags,
    summary: 'The tender as a dossier (inkoper, auditor)',
    request: idRequest,
    responses: { 200: jsonContent(DossierResponse, 'The dossier; re-imports to the same tender'), ...problemResponses },
  }),
  evaluation: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/evaluation',
    tags,
    summary: 'The evaluation of the exported dossier (inkoper, auditor)',
    request: idRequest,
    responses: { 200: jsonContent(EvaluationResponse, 'The evaluation'), ...problemResponses },
  }),
  auditEvents: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/audit-events',
    tags: ['audit'],
    summary: "The tender's audit events (inkoper, auditor)",
    request: idRequest,
    responses: { 200: jsonContent(z.array(AuditEventResponse), 'Oldest first'), ...problemResponses },
  }),
};

export function tenderRoutes(ctx: AppContext) {
  const router = createRouter();
  // The evaluation goes out as already-serialised (usually cached) JSON text, which the typed
  // `openapi()` handler cannot return: documented here, served by a plain route below.
  router.openAPIRegistry.registerPath(routes.evaluation);
  router.get('/api/v1/tenders/:id/evaluation', (c) =>
    c.body(evaluateTenderJson(ctx, { access: tenderAccessOf(c) }), 200, { 'content-type': 'application/json' }),
  );
  return router
    .openapi(routes.create, (c) => {
      const { organisationId, ...input } = c.req.valid('json');
      return c.json(createTender(ctx, { actor: requireActor(c), organisationId, input }), 201);
    })
    .openapi(routes.import, (c) => {
      const { organisationId, dossier } = c.req.valid('json');
      return c.json(importTender(ctx, { actor: requireActor(c), organisationId, dossier }), 201);
    })
    .openapi(routes.list, (c) => c.json(listTenders(ctx, { actor: requireActor(c) }), 200))
    .openapi(routes.get, (c) => c.json(getTender(ctx, { actor: requireActor(c), access: tenderAccessOf(c) }), 200))
    .openapi(routes.patch, (c) => c.json(patchTender(ctx, { actor: requireActor(c), access: tenderAccessOf(c), patch: c.req.valid('json') }), 200))
    .openapi(routes.delete, (c) => {
      deleteDraftTender(ctx, { actor: requireActor(c), access: tenderAccessOf(c) });
      return c.body(null, 204);
    })
    .openapi(routes.open, (c) => c.json(openTender(ctx, { actor: requireActor(c), access: tenderAccessOf(c), confirmation: c.req.valid('json') ?? {} }), 200))
    .openapi(routes.dossier, (c) => c.json(exportDossier(ctx, { actor: requireActor(c), access: tenderAccessOf(c) }), 200))
    .openapi(routes.auditEvents, (c) => c.json(listTenderAuditEvents(ctx, { access: tenderAccessOf(c) }), 200));
}
