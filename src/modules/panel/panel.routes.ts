/**
 * @module
 * The evaluation panel under `/api/v1/tenders/:id`: evaluators, conflict declaration, own
 * scores, seal, the scores, the panel and the consensus view. Scoped by `tenderScope`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { timestamp } from '../../http/documented.js';
import { SENTENCE_RULE, SENTENCE_RULE_MESSAGE, sentenceText } from '../../domain/panel/motivation.js';
import type { RuleBeyondSchema } from '../../domain/rules-beyond-schema.js';
import { ConsensusScore, SCORE_ON_SCALE, ScoreParams } from '../bids/bids.routes.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { adoptAgreedConsensus } from './consensus-adoption.service.js';
import { getConsensusOverview } from './consensus.service.js';
import { getDeclarationSubject } from './declaration-subject.js';
import { assignEvaluator, declareConflictOfInterest, getPanel, listEvaluatorCandidates } from './panel.service.js';
import { listIndividualScores, sealScores, setIndividualScore } from './scores.service.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { multiLineText } from '../../domain/text/text-fields.js';

const tags = ['panel'];

export const AssignBody = z.strictObject({ userId: z.string().min(1).max(TEXT_LIMITS.serverId) }).openapi('AssignEvaluator');

const ASSIGN_RULES: RuleBeyondSchema[] = [
  { path: 'userId', rule: 'een gebruiker met de rol beoordelaar bij de organisatie van de aanbesteding of, bij een regio, bij een van haar gemeenten' },
];

export const DeclarationBody = z
  .strictObject({
    noConflict: z.boolean().openapi({ description: 'false declares a conflict of interest: the evaluator leaves the panel' }),
    remarks: multiLineText('de toelichting', TEXT_LIMITS.remark).optional(),
  })
  .openapi('ConflictDeclaration');

export const PanelMember = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    assignedAt: timestamp(),
    assignedBy: z.string(),
    onPanel: z.boolean(),
    declaration: z.object({ noConflict: z.boolean(), remarks: z.string().nullable(), declaredAt: timestamp() }).nullable(),
    sealedAt: timestamp().nullable(),
  })
  .openapi('PanelMember');

const SealStatus = {
  allSealed: z.boolean().openapi({ description: 'Every member on the panel has sealed (true without a panel)' }),
  sealed: z.array(z.object({ userId: z.string(), name: z.string(), sealedAt: timestamp() })),
  pending: z.array(z.object({ userId: z.string(), name: z.string() })),
};

export const Panel = z.object({ ...SealStatus, members: z.array(PanelMember) }).openapi('Panel');

export const IndividualScoreBody = z
  .strictObject({
    score: z.number(),
    motivation: sentenceText('de motivering', TEXT_LIMITS.motivation, `de motivering is te kort: ${SENTENCE_RULE_MESSAGE}`).openapi({
      description: 'Minstens één volledige zin',
    }),
  })
  .openapi('IndividualScoreInput');

const INDIVIDUAL_SCORE_RULES: RuleBeyondSchema[] = [SCORE_ON_SCALE, { path: 'motivation', rule: SENTENCE_RULE }];

const IndividualScore = z
  .object({
    userId: z.string(),
    name: z.string(),
    bidId: z.string(),
    criterionId: z.string(),
    score: z.number(),
    motivation: z.string(),
    updatedAt: timestamp(),
    documents: z
      .array(z.object({ id: z.string(), name: z.string(), version: z.number().int() }))
      .openapi({ description: "The versions of the bid's quality documents current when the score was given" }),
  })
  .openapi('IndividualScore');

export const Scores = z.object({ ...SealStatus, scores: z.array(IndividualScore) }).openapi('IndividualScores', {
  description: "A beoordelaar: its own scores. Inkoper and auditor: everyone's once all have sealed; until then `scores` is empty.",
});

const Seal = z.object({ userId: z.string(), sealedAt: timestamp(), scores: z.number().int().min(0) }).openapi('Seal');

const ConsensusItem = z
  .object({
    bidId: z.string(),
    criterionId: z.string(),
    scores: z.array(z.object({ userId: z.string(), name: z.string(), score: z.number(), motivation: z.string() })),
    min: z.number().nullable(),
    max: z.number().nullable(),
    spread: z.number().nullable(),
    mean: z.number().nullable(),
    disagreement: z.boolean().openapi({ description: 'The individual scores span more than a third of the scale' }),
    stepsApart: z.number().int().nullable().openapi({ description: 'Steps of the scale between the lowest and the highest individual score' }),
    moreThanOneStep: z.boolean().openapi({ description: 'The individual scores lie more than one step of the scale apart' }),
    agreedScore: z.number().nullable().openapi({ description: 'The score every member gave, when all gave the same; what adopt-agreed adopts' }),
    agreedMotivation: z
      .string()
      .nullable()
      .openapi({ description: "With agreedScore: the members' motivations, each different one once, as the motivation adopt-agreed uses" }),
    outsideRange: z.boolean().nullable(),
    consensus: z.object({ score: z.number(), motivation: z.string().nullable(), deviationReason: z.string().nullable(), updatedAt: timestamp() }).nullable(),
  })
  .openapi('ConsensusItem');

/** At most this many cells per request: a hundred bids on twenty criteria. */
export const MAX_ADOPTED_CELLS = 2000;

const cellId = z.string().min(1).max(TEXT_LIMITS.id);

export const AdoptAgreedBody = z
  .strictObject({
    cells: z
      .array(
        z.strictObject({
          bidId: cellId,
          criterionId: cellId,
          motivation: multiLineText('de motivering', TEXT_LIMITS.motivation)
            .optional()
            .openapi({ description: "At least one full sentence; without it (or blank) the members' own motivations (agreedMotivation) are used" }),
        }),
      )
      .min(1)
      .max(MAX_ADOPTED_CELLS)
      .optional()
      .openapi({ description: 'The cells to adopt; without it every cell where all members gave the same score and no consensus is set yet' }),
  })
  .openapi('AdoptAgreedConsensus');

/** What `planAdoption` and `motivationProblems` check against the consensus view of the tender. */
const ADOPT_AGREED_RULES: RuleBeyondSchema[] = [
  { path: 'cells[*]', rule: 'een inschrijving en een criterium van deze aanbesteding; elk paar hoogstens één keer' },
  { path: 'cells[*].motivation', rule: `leeg (dan de motiveringen van de beoordelaars), of ${SENTENCE_RULE}` },
  {
    path: 'scores.*.*.motivation',
    rule: `zonder cells: de motiveringen van de beoordelaars samen (agreedMotivation) zijn ${SENTENCE_RULE} en hoogstens ${TEXT_LIMITS.motivation} tekens; anders de cel met een eigen motivering in cells`,
  },
];

const EvaluatorCandidate = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    organisations: z.array(z.string()).openapi({ description: 'De organisaties waarin de gebruiker beoordelaar is, voor deze aanbesteding' }),
  })
  .openapi('EvaluatorCandidate');

const idRequest = { params: IdParams };

const routes = {
  assign: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/evaluators',
    tags,
    summary: "Assign a beoordelaar of the tender's organisation (or a member gemeente of its regio) to the panel (inkoper)",
    request: { ...idRequest, body: jsonBody(AssignBody) },
    responses: { 201: jsonContent(PanelMember, 'The member'), ...problemResponses, ...invalidInput(ASSIGN_RULES), ...conflictResponse },
  }),
  declarationSubject: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/conflict-declaration',
    tags,
    summary:
      'The schools a member of the panel declares about, by name and KvK number, also before its declaration (beoordelaar on the panel; inkoper, auditor)',
    description:
      "Only the bidders' names: prices, bid codes and everything else of the bids stay hidden until the member has declared no conflict of interest.",
    request: idRequest,
    responses: {
      200: jsonContent(
        z.object({ schools: z.array(z.object({ name: z.string(), kvk: z.string() })) }).openapi('DeclarationSubject'),
        'The schools, each once, in the order of the bids',
      ),
      ...problemResponses,
    },
  }),
  candidates: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/evaluator-candidates',
    tags,
    summary:
      'De beoordelaars die de inkoper nu in het beoordelingspanel kan zetten, op naam (niet geblokkeerd, nog niet in het panel, geen inkoper of auditor van deze aanbesteding)',
    request: idRequest,
    responses: { 200: jsonContent(z.array(EvaluatorCandidate), 'De kandidaten'), ...problemResponses },
  }),
  declare: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/conflict-declaration',
    tags,
    summary: 'Declare (no) conflict of interest, once (beoordelaar on the panel); required before any bid is visible',
    request: { ...idRequest, body: jsonBody(DeclarationBody) },
    responses: { 200: jsonContent(PanelMember, 'The member after the declaration'), ...problemResponses, ...conflictResponse },
  }),
  score: createRoute({
    method: 'put',
    path: '/api/v1/tenders/{id}/bids/{bidId}/scores/{criterionId}',
    tags,
    summary: "Set one's own score with a motivation (declared beoordelaar; tender open; until sealed)",
    request: { params: ScoreParams, body: jsonBody(IndividualScoreBody) },
    responses: { 200: jsonContent(IndividualScore, 'The score'), ...problemResponses, ...invalidInput(INDIVIDUAL_SCORE_RULES), ...conflictResponse },
  }),
  seal: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/scores/seal',
    tags,
    summary: "Seal one's own scores; refused while a bid x criterion is unscored (declared beoordelaar)",
    request: idRequest,
    responses: { 200: jsonContent(Seal, 'The seal'), ...problemResponses, ...conflictResponse },
  }),
  scores: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/scores',
    tags,
    summary: "Individual scores: one's own (beoordelaar); everyone's once all have sealed (inkoper, auditor)",
    request: idRequest,
    responses: { 200: jsonContent(Scores, 'Scores and who has sealed'), ...problemResponses },
  }),
  panel: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/panel',
    tags,
    summary: 'Members, declarations with remarks and times, who sealed and when (inkoper, auditor)',
    request: idRequest,
    responses: { 200: jsonContent(Panel, 'The panel'), ...problemResponses },
  }),
  consensus: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/consensus',
    tags,
    summary: "Per bid x criterion every evaluator's score, the spread, disagreement and the consensus (inkoper, auditor); 409 until all have sealed",
    request: idRequest,
    responses: {
      200: jsonContent(z.object({ items: z.array(ConsensusItem) }).openapi('ConsensusOverview'), 'The view'),
      ...problemResponses,
      ...conflictResponse,
    },
  }),
  adoptAgreed: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/consensus/adopt-agreed',
    tags,
    summary:
      'Adopt the score every member gave as the consensus, for the cells named or for every such cell without a consensus; all or nothing (inkoper; tender open; once all have sealed)',
    description:
      'One transaction with a `consensus.set` audit event per adopted score. Refused as a whole (400, or 409 when only the state of cells forbids it) ' +
      'with every problem at its path: a cell whose members differ, a cell that already has a consensus score, a motivation that is not a sentence. ' +
      'An empty `adopted` list means there was nothing left to adopt.',
    request: { ...idRequest, body: jsonBody(AdoptAgreedBody) },
    responses: {
      200: jsonContent(
        z.object({ adopted: z.array(ConsensusScore) }).openapi('AdoptedConsensus'),
        'The consensus scores adopted: in the order named, or in the order of the bids and criteria',
      ),
      ...problemResponses,
      ...invalidInput(ADOPT_AGREED_RULES),
      ...conflictResponse,
    },
  }),
};

export function panelRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(routes.assign, (c) => c.json(assignEvaluator(ctx, { actor: requireActor(c), access: tenderAccessOf(c), userId: c.req.valid('json').userId }), 201))
    .openapi(routes.declarationSubject, (c) => c.json(getDeclarationSubject(ctx, { actor: requireActor(c), access: tenderAccessOf(c) }), 200))
    .openapi(routes.candidates, (c) => c.json(listEvaluatorCandidates(ctx, { access: tenderAccessOf(c) }), 200))
    .openapi(routes.declare, (c) =>
      c.json(declareConflictOfInterest(ctx, { actor: requireActor(c), access: tenderAccessOf(c), input: c.req.valid('json') }), 200),
    )
    .openapi(routes.score, (c) => {
      const { bidId, criterionId } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(setIndividualScore(ctx, { actor: requireActor(c), access: tenderAccessOf(c), bidId, criterionId, input }), 200);
    })
    .openapi(routes.seal, (c) => c.json(sealScores(ctx, { actor: requireActor(c), access: tenderAccessOf(c) }), 200))
    .openapi(routes.scores, (c) => c.json(listIndividualScores(ctx, { actor: requireActor(c), access: tenderAccessOf(c) }), 200))
    .openapi(routes.panel, (c) => c.json(getPanel(ctx, { access: tenderAccessOf(c) }), 200))
    .openapi(routes.consensus, (c) => c.json(getConsensusOverview(ctx, { access: tenderAccessOf(c) }), 200))
    .openapi(routes.adoptAgreed, (c) =>
      c.json(adoptAgreedConsensus(ctx, { actor: requireActor(c), access: tenderAccessOf(c), cells: c.req.valid('json').cells }), 200),
    );
}
