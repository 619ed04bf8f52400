/**
 * @module
 * `POST /api/v1/tenders/:id/award-decision`, `POST .../award-decision/withdraw` and
 * `POST .../award`. Scoped by `tenderScope`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { TENDER_STATUSES } from '../../db/schema/index.js';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonContent, problemResponses } from '../../http/router.js';
import { calendarDay, timestamp } from '../../http/documented.js';
import { SENTENCE_RULE, SENTENCE_RULE_MESSAGE, sentenceText } from '../../domain/panel/motivation.js';
import type { RuleBeyondSchema } from '../../domain/rules-beyond-schema.js';
import type { AppContext } from '../../http/types.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { awardTender, proposeAward, withdrawAwardDecision } from './award.service.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';

const tags = ['award'];

export const AwardDecisionBody = z
  .strictObject({
    drawOfLots: z
      .strictObject({
        winner: z.string().min(1).max(TEXT_LIMITS.id).openapi({ description: 'The bid the lot fell on; one of the bids sharing rank 1' }),
        record: sentenceText('het verslag van de loting', TEXT_LIMITS.remark, `beschrijf de loting (wie, wanneer, hoe): ${SENTENCE_RULE_MESSAGE}`).openapi({
          description: 'Wie loot, wanneer en hoe (minstens een zin)',
        }),
      })
      .optional()
      .openapi({ description: 'Only when rank 1 is shared after the tie-breaks: the recorded outcome of the draw of lots' }),
  })
  .openapi('AwardDecisionInput');

const DECISION_RULES: RuleBeyondSchema[] = [
  { path: 'drawOfLots', rule: 'alleen als de eerste plaats na de beslisregels gedeeld is' },
  { path: 'drawOfLots.winner', rule: 'een van de inschrijvingen die de eerste plaats delen' },
  { path: 'drawOfLots.record', rule: SENTENCE_RULE },
];

const AwardDecision = z
  .object({
    status: z.enum(TENDER_STATUSES),
    winner: z.string(),
    standstillEndsOn: calendarDay().openapi({ description: 'De laatste dag van de opschortingstermijn van 20 dagen (Europe/Amsterdam)' }),
    awardAllowedOn: calendarDay().openapi({ description: 'De eerste dag waarop gegund kan worden' }),
  })
  .openapi('AwardDecision');

export const WithdrawalBody = z
  .strictObject({
    reason: sentenceText('de reden', TEXT_LIMITS.remark, `geef de reden van de intrekking: ${SENTENCE_RULE_MESSAGE}`).openapi({
      description: 'Waarom de beslissing wordt ingetrokken (een gegrond bezwaar, een uitspraak van de rechter, een gevonden fout): minstens een zin',
    }),
  })
  .openapi('AwardDecisionWithdrawalInput');

const WITHDRAWAL_RULES: RuleBeyondSchema[] = [{ path: 'reason', rule: SENTENCE_RULE }];

const Withdrawal = z
  .object({ status: z.enum(TENDER_STATUSES), withdrawnWinner: z.string().openapi({ description: 'The bid the withdrawn decision named' }) })
  .openapi('AwardDecisionWithdrawal');

// Not `Award`: that name is the dossier's award rules (`award` of a tender).
const Award = z.object({ status: z.enum(TENDER_STATUSES), winner: z.string(), awardedAt: timestamp() }).openapi('TenderAwarded');

const routes = {
  decision: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/award-decision',
    tags,
    summary: 'Take the award decision: open -> award-proposed, with the standstill end (inkoper)',
    description:
      '409 while a panel member has not sealed, a consensus score is missing, an art. 2.116 review is not decided, rank 1 is shared ' +
      'without a recorded draw of lots, or the tender is not open. The body is optional.',
    request: {
      params: IdParams,
      body: { required: false, content: { 'application/json': { schema: AwardDecisionBody } } },
    },
    responses: { 200: jsonContent(AwardDecision, 'The decision'), ...problemResponses, ...invalidInput(DECISION_RULES), ...conflictResponse },
  }),
  withdraw: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/award-decision/withdraw',
    tags,
    summary: 'Withdraw the award decision before the award: award-proposed -> open (inkoper)',
    description:
      'The tender is open again: scores and reviews can be corrected and a new decision taken, with a new standstill. ' +
      'The withdrawn decision and the reason stay in the audit trail. 409 when there is no decision to withdraw or the tender is awarded.',
    request: { params: IdParams, body: { required: true, content: { 'application/json': { schema: WithdrawalBody } } } },
    responses: { 200: jsonContent(Withdrawal, 'The tender is open again'), ...problemResponses, ...invalidInput(WITHDRAWAL_RULES), ...conflictResponse },
  }),
  award: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/award',
    tags,
    summary: 'Award the tender from the day after the standstill; the tender is then locked (inkoper)',
    request: { params: IdParams },
    responses: { 200: jsonContent(Award, 'The award'), ...problemResponses, ...conflictResponse },
  }),
};

export function awardRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(routes.decision, (c) => c.json(proposeAward(ctx, { actor: requireActor(c), access: tenderAccessOf(c), input: c.req.valid('json') }), 200))
    .openapi(routes.withdraw, (c) => c.json(withdrawAwardDecision(ctx, { actor: requireActor(c), access: tenderAccessOf(c), input: c.req.valid('json') }), 200))
    .openapi(routes.award, (c) => c.json(awardTender(ctx, { actor: requireActor(c), access: tenderAccessOf(c) }), 200));
}
