/**
 * @module
 * The auditor's workspace on a tender (issue 8): `GET .../recompute` and `GET .../timeline`,
 * for the inkoper and auditors. Both only read; scoped by `tenderScope` like every route
 * under `/api/v1/tenders/:id`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { conflictResponse, createRouter, IdParams, jsonContent, problemResponses } from '../../http/router.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext } from '../../http/types.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { recomputeEvaluation } from './recompute.service.js';
import { timelineOf } from './timeline.service.js';
import { TimelineEntryResponse } from '../audit/audit-event.contract.js';
import { timestamp } from '../../http/documented.js';

export const Recomputation = z
  .object({
    matches: z.boolean(),
    differences: z.array(
      z.object({
        path: z.string().openapi({ example: 'bids[1].score' }),
        stored: z.unknown().optional().openapi({
          description: 'De waarde in de opgeslagen beoordeling: elke JSON-waarde die een veld van Evaluation kan hebben; afwezig als dat veld ontbreekt',
        }),
        recomputed: z.unknown().optional().openapi({ description: 'De waarde in de herberekening; afwezig als dat veld ontbreekt' }),
      }),
    ),
    stored: z
      .enum(['award-decision', 'current-evaluation'])
      .openapi({ description: 'The evaluation compared: the one the award decision rests on, or the one the server serves now' }),
    storedAt: timestamp().openapi({ description: 'Wanneer zij is opgeslagen: de gunningsbeslissing, of de laatste wijziging van de aanbesteding' }),
    dossierSha256: z.string().openapi({ description: 'SHA-256 of the dossier exactly as GET .../dossier serves it' }),
  })
  .openapi('Recomputation');

const routes = {
  recompute: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/recompute',
    tags: ['audit'],
    summary: 'Re-compute the evaluation from the exported dossier and compare it with the stored one (inkoper, auditor)',
    description: '409 while the dossier is incomplete (missing consensus scores): the CLI would refuse it too.',
    request: { params: IdParams },
    responses: { 200: jsonContent(Recomputation, 'The comparison'), ...problemResponses, ...conflictResponse },
  }),
  timeline: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/timeline',
    tags: ['audit'],
    summary: "The tender's audit events as a timeline: who, what (in Dutch), when, before and after (inkoper, auditor)",
    request: { params: IdParams },
    responses: { 200: jsonContent(z.array(TimelineEntryResponse), 'Oldest first'), ...problemResponses },
  }),
};

export function auditorRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(routes.recompute, (c) => c.json(recomputeEvaluation(ctx, { actor: requireActor(c), access: tenderAccessOf(c) }), 200))
    .openapi(routes.timeline, (c) => c.json(timelineOf(ctx, { access: tenderAccessOf(c) }), 200));
}
