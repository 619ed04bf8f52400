/**
 * @module
 * The audit events of a tender as `GET .../audit-events` and `GET .../timeline` send them, with
 * the change of each action typed: one schema per action the services record on a tender,
 * told apart by `action`. The change of an action is what its service writes with
 * `recordAuditEvent`, and what `state-replay.ts` reads back; fields that events of an older
 * version lack are optional. An event of an action this version does not know (written by
 * another version) is described as such, with its change as it was stored.
 *
 * `tests/unit/contracts/audit-event-contract.test.ts` fails on an action the state replay
 * knows and this contract does not, so a new action cannot reach the API undescribed.
 */
import { z } from '@hono/zod-openapi';
import { DOCUMENT_ENVELOPES, DOCUMENT_MEDIA_TYPES, REPORT_KINDS, TENDER_STATUSES } from '../../db/schema/index.js';
import { calendarDay, timestamp } from '../../http/documented.js';
import { BidCorrectionResponse, BidResponse, EnteredPriceResponse, BidWithoutScoresResponse, WithdrawalResponse } from '../bids/bids.contract.js';
import { LowBidReviewResponse } from '../evaluation/evaluation.contract.js';
import { DossierResponse, TenderResponse } from '../tenders/tenders.contract.js';
import { SignatureCheck } from '../reports/reports.contract.js';
import { REDACTED_CHANGE } from './tender-audit-events.js';
import { AWARD_LIMIT_RULES } from '../../domain/procedure/procedure.js';

const Settings = z.object({ showPricesToEvaluators: z.boolean() });
const PriceOpeningStage = z.enum(['sealed', 'quality-locked', 'prices-entered']);
const status = z.enum(TENDER_STATUSES);
const TenderFields = z.object({
  tender: TenderResponse.shape.tender,
  award: TenderResponse.shape.award,
  criteria: TenderResponse.shape.criteria,
  lowBidRules: TenderResponse.shape.lowBidRules,
  settings: Settings.optional(),
});
const ConsensusValue = z.object({ score: z.number(), motivation: z.string().nullable(), deviationReason: z.string().nullable() });
const IndividualValue = z.object({ score: z.number(), motivation: z.string() });
const Declaration = z.object({
  declaration: z.enum(['no-conflict', 'conflict']),
  declaredAt: timestamp(),
  remarks: z.string().nullable(),
  onPanel: z.boolean(),
  declaredAbout: z
    .array(z.object({ name: z.string(), kvk: z.string() }))
    .optional()
    .openapi({ description: 'De inschrijvers waarover de verklaring ging (GET .../conflict-declaration); ontbreekt bij oudere verklaringen' }),
});
const BidCorrection = BidCorrectionResponse;
const AwardLimitValue = z.object({
  maxLotsPerBidder: z.number().int().min(1),
  rule: z.enum(AWARD_LIMIT_RULES),
  lotOrder: z.array(z.string()).optional(),
});
const LotDrawValue = z.object({ lotId: z.string(), winner: z.string(), record: z.string() });
const Preferences = z.record(z.string(), z.array(z.string()));
const LotOfProcedure = z
  .object({ id: z.string(), lotId: z.string(), position: z.number().int().min(0) })
  .optional()
  .openapi({ description: 'Alleen bij een perceel van een procedure: de procedure, het perceel en zijn plaats in het procedurebestand' });
const ReviewChange = { before: LowBidReviewResponse.nullable(), after: LowBidReviewResponse };

/** The two sides of a change, and what else the event holds beside them. */
type ChangeShape = { before?: z.ZodType; after?: z.ZodType; also?: z.ZodRawShape };

/** Per action recorded on a tender: the shape of its `change`. */
export const TENDER_ACTION_CHANGES = {
  'tender.create': { after: DossierResponse, also: { settings: Settings.optional(), procedure: LotOfProcedure } },
  'tender.import': { after: DossierResponse, also: { settings: Settings.optional(), procedure: LotOfProcedure } },
  'tender.update': { before: TenderFields, after: TenderFields },
  'tender.open': {
    before: z.object({ status }),
    after: z.object({
      status: z.literal('open'),
      openedAt: timestamp(),
      formulaVerdict: z.enum(['invites-underbidding', 'resists-underbidding', 'not-computable']).optional(),
      underbiddingRiskAccepted: z.string().optional().openapi({ description: 'De motivering om toch te openen met een formule die onderbieden uitlokt' }),
    }),
  },
  'tender.quality-lock': { before: z.object({ qualityLockedAt: z.null() }), after: z.object({ qualityLockedAt: timestamp() }) },
  'tender.price-opening': {
    before: z.object({ stage: PriceOpeningStage }),
    after: z.object({
      stage: z.literal('prices-entered'),
      pricesEnteredAt: timestamp(),
      priceEntrySha256: z.string().openapi({ description: 'SHA-256 van de opgeslagen invoer; de bedragen zelf staan pas in de bevestiging' }),
      bids: z.array(z.string()).openapi({ description: 'De inschrijvingen waarvan een prijs is ingevoerd' }),
      priceEnvelopes: z.array(z.object({ bidId: z.string(), documentId: z.string(), sha256: z.string() })),
    }),
  },
  'tender.price-opening.confirm': {
    before: z.object({ stage: z.literal('prices-entered'), pricesEnteredBy: z.string().nullable() }),
    after: z.object({
      stage: z.literal('prices-confirmed'),
      pricesConfirmedAt: timestamp(),
      priceEntrySha256: z.string(),
      prices: z.array(EnteredPriceResponse),
      reportId: z.string().openapi({ description: 'Het proces-verbaal van opening (een rapport van soort price-opening)' }),
    }),
  },
  'tender.award-decision': {
    before: z.object({ status }),
    after: z.object({
      status: z.literal('award-proposed'),
      winner: z.string(),
      decidedAt: timestamp(),
      standstillEndsOn: calendarDay(),
      awardDecisionSha256: z.string().optional().openapi({ description: 'SHA-256 van de opgeslagen beslissing met de hele beoordeling' }),
      drawOfLots: z
        .object({ winner: z.string(), record: z.string(), tiedBids: z.array(z.string()) })
        .nullable()
        .optional(),
      limitation: z
        .object({ winnerWithoutLimit: z.string().nullable(), reason: z.string() })
        .optional()
        .openapi({ description: 'Alleen bij een perceel onder de gunningsbeperking: wie zonder beperking zou winnen, en de reden van de toewijzing' }),
      ranking: z
        .array(z.object({ bidId: z.string(), rank: z.number().int().nullable(), status: z.enum(['ranked', 'excluded']), score: z.number().nullable() }))
        .optional(),
    }),
  },
  'tender.award-decision.withdraw': {
    before: z.object({ status, winner: z.string(), decidedAt: timestamp(), standstillEndsOn: calendarDay() }),
    after: z.object({ status: z.literal('open'), reason: z.string() }),
  },
  'tender.award': {
    before: z.object({ status }),
    after: z.object({ status: z.literal('awarded'), winner: z.string(), awardedAt: timestamp(), locked: z.literal(true) }),
  },
  'bid.create': { after: BidResponse },
  'bid.update': { before: BidWithoutScoresResponse, after: BidWithoutScoresResponse },
  'bid.delete': { before: BidResponse, after: z.null() },
  'bid.correct': {
    before: BidCorrection.shape.before,
    after: BidCorrection.shape.after,
    also: {
      number: BidCorrection.shape.number,
      correctedAt: BidCorrection.shape.correctedAt,
      reason: BidCorrection.shape.reason,
      lowBidReviewState: BidCorrection.shape.lowBidReviewState,
    },
  },
  'bid.withdraw': {
    before: z.object({ withdrawal: z.null() }),
    after: z.object({ withdrawal: WithdrawalResponse }),
    also: { lowBidReviewState: BidCorrection.shape.lowBidReviewState },
  },
  'tender.delete': {
    before: z.object({
      status,
      reference: z.string(),
      title: z.string(),
      bids: z.array(z.string()).openapi({ description: 'De ids van de verwijderde inschrijvingen' }),
      panel: z.array(z.string()).openapi({ description: 'De gebruikers die in het beoordelingspanel zaten' }),
    }),
    after: z.null(),
  },
  // Recorded on the procedure (entityType `procedure`, no tender): typed here so that any
  // listing that shows them describes them; each lot's own `tender.import` names the procedure.
  'procedure.import': {
    after: z.object({
      procedure: z.object({ reference: z.string(), title: z.string(), buyer: z.string() }),
      awardLimit: AwardLimitValue.nullable(),
      preferences: Preferences.nullable(),
      draws: z.array(LotDrawValue).optional().openapi({ description: 'Alleen als het bestand vastgelegde lotingen had' }),
      lots: z.array(z.object({ lotId: z.string(), tenderId: z.string() })).openapi({ description: 'De percelen, elk een aanbesteding in voorbereiding' }),
      createdAt: timestamp(),
    }),
  },
  'procedure.create': {
    after: z.object({
      procedure: z.object({ reference: z.string(), title: z.string(), buyer: z.string() }),
      awardLimit: z.null(),
      preferences: z.null(),
      lots: z
        .array(z.object({ lotId: z.string(), tenderId: z.string(), template: z.string() }))
        .openapi({ description: 'De percelen, elk een aanbesteding in voorbereiding uit zijn template, met elk een eigen tender.create' }),
      createdAt: timestamp(),
    }),
  },
  'procedure.lot.add': {
    after: z.object({
      lotId: z.string(),
      tenderId: z.string(),
      position: z.number().int().min(0),
      template: z.string().optional(),
      copyOf: z.string().optional().openapi({ description: 'Het perceel waarvan de criteria en regels zijn overgenomen' }),
      awardLimit: AwardLimitValue.nullable().openapi({ description: 'De gunningsbeperking daarna (bij lot-order staat het perceel achteraan)' }),
      draws: z.null().optional().openapi({ description: 'Alleen als het toevoegen de vastgelegde lotingen van een ingelezen bestand vervallen liet' }),
    }),
  },
  'procedure.delete': {
    before: z.object({
      procedure: z.object({ reference: z.string(), title: z.string(), buyer: z.string() }),
      lots: z.array(z.object({ lotId: z.string(), tenderId: z.string() })).openapi({ description: 'De verwijderde percelen, elk met een eigen tender.delete' }),
    }),
    after: z.null(),
  },
  // The full list of draws before and after: replayed into procedures.draws.
  'procedure.draw.record': {
    before: z.object({ draws: z.array(LotDrawValue) }),
    after: z.object({ lotId: z.string(), tiedBids: z.array(z.string()), draws: z.array(LotDrawValue) }),
  },
  'procedure.award-limit.set': {
    before: z.object({ awardLimit: AwardLimitValue.nullable(), preferences: Preferences.nullable(), draws: z.array(LotDrawValue).optional() }),
    after: z.object({
      awardLimit: AwardLimitValue.nullable(),
      preferences: Preferences.nullable(),
      draws: z.null().optional().openapi({ description: 'Alleen als de wijziging vastgelegde lotingen ongedaan maakte' }),
    }),
  },
  // Changes no table itself: each lot's own `panel.assign`, in the same transaction, does.
  'procedure.panel.add': {
    after: z.object({
      userId: z.string(),
      name: z.string(),
      lots: z
        .array(z.object({ lotId: z.string(), tenderId: z.string(), assignedAt: timestamp() }))
        .openapi({ description: 'De percelen in wier beoordelingspanel de beoordelaar kwam; elk heeft daarnaast zijn eigen panel.assign' }),
    }),
  },
  'procedure.award-decision': {
    after: z.object({
      decidedAt: timestamp(),
      lots: z
        .array(
          z.object({
            lotId: z.string(),
            tenderId: z.string(),
            winner: z.string(),
            winnerWithoutLimit: z.string().nullable(),
            reason: z.string().nullable(),
            standstillEndsOn: calendarDay(),
          }),
        )
        .openapi({ description: 'De besliste percelen; elk heeft daarnaast zijn eigen tender.award-decision' }),
    }),
  },
  'bid-document.receive': {
    after: z.object({
      id: z.string(),
      bidId: z.string(),
      envelope: z.enum(DOCUMENT_ENVELOPES),
      name: z.string(),
      mediaType: z.enum(DOCUMENT_MEDIA_TYPES),
      sizeBytes: z.number().int().min(0),
      sha256: z.string(),
      criterionId: z.string().nullable(),
      version: z.number().int().min(1),
      replacesId: z.string().nullable(),
      reason: z.string().nullable(),
      receivedAt: timestamp(),
    }),
  },
  'consensus.set': {
    before: ConsensusValue.nullable(),
    after: ConsensusValue,
    also: { adoptedAgreed: z.literal(true).optional().openapi({ description: 'De score die alle beoordelaars gaven, overgenomen (adopt-agreed)' }) },
  },
  'individual-score.set': { before: IndividualValue.nullable(), after: IndividualValue },
  'panel.assign': { after: z.object({ userId: z.string(), name: z.string(), assignedAt: timestamp() }) },
  'panel.declare-no-conflict': { before: z.object({ declaration: z.null() }), after: Declaration },
  'panel.declare-conflict': { before: z.object({ declaration: z.null() }), after: Declaration },
  'panel.seal': { before: z.object({ sealedAt: z.null() }), after: z.object({ sealedAt: timestamp(), scores: z.number().int().min(0) }) },
  'report.created': {
    after: z.object({
      kind: z.enum(REPORT_KINDS),
      bidId: z.string().nullable(),
      procedureId: z.string().optional().openapi({ description: 'Alleen bij een rapport van een procedure: de procedure' }),
      addresseeKvk: z.string().nullable().optional().openapi({ description: 'Alleen bij een gunningsbrief van een procedure: het KvK-nummer van de school' }),
      sha256: z.string(),
      certificate: z.string().optional().openapi({ description: 'SHA-256-vingerafdruk van het certificaat dat tekende' }),
      signatureCheck: SignatureCheck.optional().openapi({
        description: 'De handtekening zoals gecontroleerd direct na het tekenen; ontbreekt bij oudere rapporten',
      }),
    }),
  },
  'low-bid-review.request-explanation': ReviewChange,
  'low-bid-review.record-explanation': ReviewChange,
  'low-bid-review.record-no-response': ReviewChange,
  'low-bid-review.decide': ReviewChange,
} satisfies Record<string, ChangeShape>;

export type TenderAction = keyof typeof TENDER_ACTION_CHANGES;
export const TENDER_ACTIONS = Object.keys(TENDER_ACTION_CHANGES) as TenderAction[];

/** `tender.award-decision.withdraw` -> `TenderAwardDecisionWithdraw`: a component name (UpperCamelCase). */
const pascal = (action: string) =>
  action
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

const changeOf = ({ before, after, also }: ChangeShape) =>
  z.object({ ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }), ...also });

/** What a listing shows instead of a change it may not show yet (blind scoring). */
export const RedactedNotice = z
  .object({ redacted: z.literal(REDACTED_CHANGE.redacted) })
  .openapi('RedactedChange', { description: 'Verborgen tot alle beoordelaars hun scores hebben verzegeld' });

const AuditEventBase = z.object({
  seq: z.number().int().min(1),
  at: timestamp(),
  actorUserId: z.string().nullable().openapi({ description: 'Null voor een gebeurtenis zonder gebruiker, en voor een verborgen individuele score' }),
  organisationId: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

const knownEvents = TENDER_ACTIONS.map((action) =>
  AuditEventBase.extend({ action: z.literal(action), change: changeOf(TENDER_ACTION_CHANGES[action]), redacted: z.literal(false) }).openapi(
    `AuditEvent${pascal(action)}`,
  ),
);

const RedactedScoreEvent = AuditEventBase.extend({
  action: z.literal('individual-score.set'),
  change: RedactedNotice,
  redacted: z.literal(true).openapi({ description: 'Zolang niet elk panellid heeft verzegeld: inhoud, auteur en beoordelaar zijn weggelaten' }),
}).openapi('AuditEventIndividualScoreSetRedacted');

/** An action this version does not describe; `not` in the document, a refinement here. */
const otherAction = () =>
  z
    .string()
    .refine((action) => !(TENDER_ACTIONS as readonly string[]).includes(action))
    .openapi({ not: { enum: TENDER_ACTIONS } } as never);

const OtherEvent = AuditEventBase.extend({
  action: otherAction(),
  change: z.unknown().openapi({ description: 'Zoals opgeslagen door de versie die de gebeurtenis schreef' }),
  redacted: z.literal(false),
}).openapi('AuditEventOfAnotherVersion', { description: 'Een gebeurtenis van een handeling die deze versie niet kent: geschreven door een andere versie' });

export const AuditEventResponse = z
  .union([...knownEvents, RedactedScoreEvent, OtherEvent] as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]])
  .openapi('AuditEvent', { description: 'Een gebeurtenis uit de audittrail; `change` hangt af van `action`' });

const who = z.object({ userId: z.string(), name: z.string() }).nullable();
const TimelineBase = z.object({
  seq: z.number().int().min(1),
  at: timestamp(),
  who: who.openapi({ description: 'Null voor een gebeurtenis zonder gebruiker, en voor een verborgen individuele score' }),
  description: z.string().openapi({ description: 'Wat er gebeurde, in het Nederlands' }),
});

const knownEntries = TENDER_ACTIONS.map((action) => {
  const { before, after } = TENDER_ACTION_CHANGES[action] as ChangeShape;
  return TimelineBase.extend({
    action: z.literal(action),
    before: before === undefined ? z.null() : before.nullable(),
    after: after === undefined ? z.null() : after.nullable(),
    redacted: z.literal(false),
  }).openapi(`TimelineEntry${pascal(action)}`);
});

const RedactedScoreEntry = TimelineBase.extend({
  action: z.literal('individual-score.set'),
  before: RedactedNotice,
  after: RedactedNotice,
  redacted: z.literal(true),
}).openapi('TimelineEntryIndividualScoreSetRedacted');

const OtherEntry = TimelineBase.extend({
  action: otherAction(),
  before: z.unknown(),
  after: z.unknown(),
  redacted: z.literal(false),
}).openapi('TimelineEntryOfAnotherVersion');

export const TimelineEntryResponse = z
  .union([...knownEntries, RedactedScoreEntry, OtherEntry] as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]])
  .openapi('TimelineEntry', { description: 'Een gebeurtenis als verhaal: wie, wat (in het Nederlands), wanneer, ervoor en erna' });
