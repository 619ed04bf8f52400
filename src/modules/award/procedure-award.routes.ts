/**
 * @module
 * `POST /api/v1/procedures/:id/award-decision`: the award decision for the lots of a
 * procedure at once (issue 21). Scoped by `procedureScope`; withdrawing and the final award
 * stay per lot (`/api/v1/tenders/:id/...`).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { TENDER_STATUSES } from '../../db/schema/index.js';
import { MAX_LOTS } from '../../domain/procedure/procedure.js';
import type { RuleBeyondSchema } from '../../domain/rules-beyond-schema.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { requireActor } from '../../http/authenticate.js';
import { calendarDay, timestamp } from '../../http/documented.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { procedureAccessOf } from '../procedures/procedure-access.js';
import { decideProcedure } from './procedure-award.service.js';

export const ProcedureAwardDecisionBody = z
  .strictObject({
    lots: z
      .array(z.string().min(1).max(TEXT_LIMITS.id))
      .min(1)
      .max(MAX_LOTS)
      .optional()
      .openapi({ description: 'De percelen waarover nu wordt beslist (per perceel als de inkoper dat kiest); weglaten: alle percelen' }),
  })
  .openapi('ProcedureAwardDecisionInput');

const RULES: RuleBeyondSchema[] = [{ path: 'lots[*]', rule: 'een perceel van de procedure, elk hoogstens één keer' }];

const ProcedureAwardDecision = z
  .object({
    procedureId: z.string(),
    decidedAt: timestamp(),
    lots: z.array(
      z.object({
        lotId: z.string(),
        tenderId: z.string(),
        status: z.enum(TENDER_STATUSES),
        winner: z.string().openapi({ description: 'De inschrijving van dit perceel die het krijgt, zoals de toewijzing het geeft' }),
        winnerWithoutLimit: z.string().nullable().openapi({ description: 'De winnaar van het perceel zonder de gunningsbeperking' }),
        reason: z.string().nullable().openapi({ description: 'De reden van de toewijzing; null zonder gunningsbeperking' }),
        standstillEndsOn: calendarDay().openapi({ description: 'De laatste dag van de opschortingstermijn van dit perceel' }),
        awardAllowedOn: calendarDay().openapi({ description: 'De eerste dag waarop dit perceel gegund kan worden' }),
      }),
    ),
  })
  .openapi('ProcedureAwardDecision');

const decision = createRoute({
  method: 'post',
  path: '/api/v1/procedures/{id}/award-decision',
  tags: ['procedures'],
  summary: 'Take the award decision for the lots of a procedure at once, each for the winner the award limitation gives it (inkoper)',
  description:
    'Per genoemd perceel (standaard alle) de gunningsbeslissing zoals POST /api/v1/tenders/{id}/award-decision, in één transactie, ' +
    'voor de winnaar die de toewijzing onder de gunningsbeperking het perceel geeft, met een opschortingstermijn per beslissing. ' +
    '409 met elk perceel dat niet kan: niet volledig beoordeeld, al besloten, of loting nodig. De body is optioneel.',
  request: { params: IdParams, body: { required: false, content: { 'application/json': { schema: ProcedureAwardDecisionBody } } } },
  responses: { 200: jsonContent(ProcedureAwardDecision, 'The decision per lot'), ...problemResponses, ...invalidInput(RULES), ...conflictResponse },
});

export function procedureAwardRoutes(ctx: AppContext) {
  return createRouter().openapi(decision, (c) =>
    c.json(decideProcedure(ctx, { actor: requireActor(c), access: procedureAccessOf(c), input: c.req.valid('json') ?? {} }), 200),
  );
}
