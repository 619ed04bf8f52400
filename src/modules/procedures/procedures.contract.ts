/**
 * @module
 * Request and response schemas of the procedure routes (issue 21). The procedure file is
 * accepted as any JSON at the route and checked by the domain's `parseProcedure` in the
 * service (the CLI's rules and messages, paths from the file's root); the OpenAPI document
 * shows it with the domain's own schema, as the dossier of `POST /tenders/import`.
 */
import { z } from '@hono/zod-openapi';
import { TENDER_STATUSES } from '../../db/schema/index.js';
import { DOSSIER_RULES, ID_MESSAGE, ID_PATTERN, MONEY_MESSAGE } from '../../domain/evaluation/dossier-rules.js';
import { MAX_MONEY_EUROS, MIN_MONEY_EUROS } from '../../domain/money.js';
import { AWARD_LIMIT_RULES, MAX_LOTS, type Procedure } from '../../domain/procedure/procedure.js';
import { procedureSchema } from '../../domain/procedure/procedure.schema.js';
import { prefixRules, type RuleBeyondSchema } from '../../domain/rules-beyond-schema.js';
import { SENTENCE_RULE, SENTENCE_RULE_MESSAGE, sentenceText } from '../../domain/panel/motivation.js';
import { multiLineText, nonBlankLine } from '../../domain/text/text-fields.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { documentedBy, sentAs, timestamp } from '../../http/documented.js';
import { EvaluationResponse } from '../evaluation/evaluation.contract.js';

/** One registered component, used by the import body and the export response. */
export const ProcedureFileDoc = documentedBy(procedureSchema, 'ProcedureFile', (json) => {
  // `checkPreferences` refuses a key that is no KvK number (8 digits), so a longer one never passes.
  const preferences = (json.properties as Record<string, Record<string, unknown>>).preferences as Record<string, unknown>;
  preferences.propertyNames = { type: 'string', maxLength: TEXT_LIMITS.id };
});
export const ProcedureFileResponse = sentAs<Procedure>(ProcedureFileDoc);

/** What `parseProcedure` checks beyond the file's JSON Schema, by path from the file's root. */
const AWARD_LIMIT_FIELD_RULES: RuleBeyondSchema[] = [
  { path: 'awardLimit.maxLotsPerBidder', rule: 'een geheel getal van minstens 1' },
  { path: 'awardLimit.lotOrder', rule: 'verplicht bij de regel lot-order en alleen daar; noemt elk perceel precies één keer' },
  { path: 'awardLimit.lotOrder[*]', rule: 'een perceel van de procedure, elk hoogstens één keer' },
  { path: 'preferences', rule: 'alleen bij de regel bidder-preference; sleutels zijn KvK-nummers (8 cijfers)' },
  { path: 'preferences.*', rule: 'een KvK-nummer (8 cijfers) van een school die op een perceel van de procedure inschreef' },
  { path: 'preferences.*[*]', rule: 'een perceel waarop die school inschreef, elk hoogstens één keer' },
];

const DRAW_FILE_RULES: RuleBeyondSchema[] = [
  { path: 'draws', rule: 'alleen met een gunningsbeperking (awardLimit)' },
  { path: 'draws[*].lotId', rule: 'een perceel van de procedure, elk hoogstens één keer' },
  { path: 'draws[*].winner', rule: 'een inschrijving op dat perceel' },
  { path: 'draws[*].record', rule: SENTENCE_RULE },
];

export const IMPORT_PROCEDURE_RULES: RuleBeyondSchema[] = [
  ...AWARD_LIMIT_FIELD_RULES,
  ...DRAW_FILE_RULES,
  { path: 'lots[*].id', rule: 'uniek binnen de percelen' },
  { path: 'lots[*].dossier.bids[*].provider.kvk', rule: 'één inschrijving per school (KvK-nummer) per perceel' },
  ...prefixRules(DOSSIER_RULES, 'lots[*].dossier.'),
];

export const ImportProcedureQuery = z.object({
  organisationId: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.serverId)
    .openapi({ description: 'De organisatie waarvan de procedure wordt (de aanroeper is er inkoper)' }),
});

const AwardLimitSchema = z
  .strictObject({
    maxLotsPerBidder: z.number().int().min(1).openapi({ description: 'Ten hoogste zoveel percelen per inschrijver (KvK-nummer)' }),
    rule: z.enum(AWARD_LIMIT_RULES).openapi({ description: 'De gepubliceerde regel: lot-order (percelen in een vaste volgorde) of bidder-preference' }),
    lotOrder: z
      .array(z.string().min(1).max(TEXT_LIMITS.id))
      .max(MAX_LOTS)
      .optional()
      .openapi({ description: 'Alleen bij lot-order, en daar verplicht: elk perceel precies één keer, in de gepubliceerde volgorde' }),
  })
  .openapi('AwardLimit');

const PreferencesSchema = z
  .record(z.string().min(1).max(TEXT_LIMITS.id), z.array(z.string().min(1).max(TEXT_LIMITS.id)).max(MAX_LOTS))
  .openapi('LotPreferences', { description: 'Per KvK-nummer de percelen waarop de school inschreef, meest gewenst eerst' });

export const PUT_AWARD_LIMIT_RULES: RuleBeyondSchema[] = AWARD_LIMIT_FIELD_RULES;

export const PutAwardLimitBody = z
  .strictObject({
    awardLimit: AwardLimitSchema.nullable().openapi({ description: 'Null: geen gunningsbeperking, elk perceel gaat naar zijn eigen winnaar' }),
    preferences: PreferencesSchema.nullable().optional().openapi({ description: 'Alleen bij bidder-preference; weglaten of null: geen voorkeuren' }),
  })
  .openapi('PutAwardLimit');

const LotDrawSchema = z
  .object({
    lotId: z.string(),
    winner: z.string().openapi({ description: 'De inschrijving waarop de loting viel' }),
    record: z.string().openapi({ description: 'Wie loot, wanneer en hoe' }),
  })
  .openapi('LotDraw');

export const RecordDrawBody = z
  .strictObject({
    lotId: z.string().min(1).max(TEXT_LIMITS.id).openapi({ description: 'Het perceel dat volgens de toewijzing op een loting wacht' }),
    winner: z
      .string()
      .min(1)
      .max(TEXT_LIMITS.id)
      .openapi({ description: 'De inschrijving waarop de loting viel; een van de gelijk geëindigde inschrijvingen' }),
    record: sentenceText('het verslag van de loting', TEXT_LIMITS.remark, `beschrijf de loting (wie, wanneer, hoe): ${SENTENCE_RULE_MESSAGE}`).openapi({
      description: 'Wie loot, wanneer en hoe (minstens een zin)',
    }),
  })
  .openapi('RecordLotDraw');

export const RECORD_DRAW_RULES: RuleBeyondSchema[] = [
  { path: 'lotId', rule: 'een perceel van deze procedure' },
  { path: 'winner', rule: 'een van de inschrijvingen die volgens de toewijzing gelijk staan op dit perceel' },
  { path: 'record', rule: SENTENCE_RULE },
];

const LotResponse = z
  .object({
    lotId: z.string(),
    tenderId: z.string().openapi({ description: 'De aanbesteding van dit perceel: GET /api/v1/tenders/{tenderId}' }),
    title: z.string(),
    status: z.enum(TENDER_STATUSES),
  })
  .openapi('ProcedureLot');

export const ProcedureResponse = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    procedure: z.object({ reference: z.string(), title: z.string(), buyer: z.string() }),
    awardLimit: AwardLimitSchema.nullable(),
    preferences: PreferencesSchema.nullable(),
    draws: z.array(LotDrawSchema).openapi({ description: 'De vastgelegde lotingen voor percelen onder de gunningsbeperking, in de volgorde van vastleggen' }),
    lots: z.array(LotResponse).openapi({ description: 'In de volgorde van het procedurebestand' }),
    createdAt: timestamp(),
  })
  .openapi('Procedure');

/** The engine's result of one lot: the evaluation without what only the server adds to a tender's. */
const LotResultSchema = EvaluationResponse.pick({
  method: true,
  scoreKind: true,
  winner: true,
  bids: true,
  warnings: true,
  sensitivity: true,
  effectiveWeights: true,
  lowBidImpact: true,
}).openapi('LotResult', { description: 'Het resultaat van het perceel, precies zoals evaluate het voor zijn dossier alleen geeft' });

export const AllocationResponse = z
  .object({
    lots: z.array(z.object({ lotId: z.string(), tenderId: z.string(), result: LotResultSchema })),
    allocation: z.array(
      z.object({
        lotId: z.string(),
        winner: z.string().nullable().openapi({ description: 'De inschrijving (van dit perceel) die het perceel krijgt, of null' }),
        winnerWithoutLimit: z.string().nullable().openapi({ description: 'De winnaar van het perceel zonder de gunningsbeperking' }),
        reason: z.string().openapi({ description: 'Waarom, in één Nederlandse zin' }),
        tiedBids: z.array(z.string()).optional().openapi({
          description:
            'Alleen zolang het perceel op een loting wacht: de inschrijvingen (van dit perceel) die gelijk staan, op volgorde van code; de loting kan alleen op een van deze vallen. Met een gunningsbeperking wordt ze vastgelegd met POST /procedures/{id}/draws, zonder in de gunningsbeslissing van het perceel.',
        }),
        drawOfLots: z
          .object({ winner: z.string(), record: z.string(), tiedBids: z.array(z.string()) })
          .optional()
          .openapi({ description: 'Alleen als een vastgelegde loting het perceel besliste' }),
        drawNotUsed: z
          .object({ winner: z.string(), record: z.string() })
          .optional()
          .openapi({ description: 'Alleen als voor het perceel een loting is vastgelegd die niets besliste (het perceel staat niet, of niet meer, gelijk)' }),
      }),
    ),
  })
  .openapi('ProcedureAllocation');

/** `GET/POST /procedures/:id/evaluators`: a member and its seat on every lot's panel. */
export const ProcedurePanelMember = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    lots: z.array(
      z.object({
        lotId: z.string(),
        tenderId: z.string(),
        assigned: z.boolean().openapi({ description: 'In het beoordelingspanel van dit perceel gezet' }),
        onPanel: z.boolean().openapi({ description: 'Toegewezen en geen belangenverstrengeling verklaard' }),
        declaration: z.enum(['no-conflict', 'conflict']).nullable(),
        declaredAt: timestamp().nullable(),
        sealedAt: timestamp().nullable(),
      }),
    ),
  })
  .openapi('ProcedurePanelMember');

export const ADD_PROCEDURE_EVALUATOR_RULES: RuleBeyondSchema[] = [
  { path: 'userId', rule: 'een gebruiker met de rol beoordelaar bij de organisatie van de procedure of, bij een regio, bij een van haar gemeenten' },
];

export const ProcedureDeclarationBody = z
  .strictObject({
    noConflict: z.boolean().openapi({ description: 'false: belangenverstrengeling; de beoordelaar verlaat het panel van elk perceel waar het speelt' }),
    conflictWith: z
      .array(
        z
          .string()
          .max(8)
          .regex(/^[0-9]{8}$/),
      )
      .min(1)
      .max(MAX_LOTS * 100)
      .optional()
      .openapi({
        description:
          'Alleen bij noConflict: false: de KvK-nummers van de scholen waarmee het belang bestaat; de verklaring geldt dan als belangenverstrengeling op elk perceel waar een van hen inschreef. Zonder: op elk perceel.',
      }),
    remarks: multiLineText('de toelichting', TEXT_LIMITS.remark).optional(),
  })
  .openapi('ProcedureConflictDeclaration');

export const PROCEDURE_DECLARATION_RULES: RuleBeyondSchema[] = [
  { path: 'conflictWith', rule: 'alleen bij noConflict: false' },
  { path: 'conflictWith[*]', rule: 'het KvK-nummer van een school die op een perceel van deze procedure inschreef' },
];

/**
 * A new lot's tender is `<procedure reference>-<lot id>` (a tender's reference is at most
 * 200 characters, a lot id at most 40), so a procedure made here has a reference of at most
 * 159 characters.
 */
export const CREATED_PROCEDURE_REFERENCE_MAX = TEXT_LIMITS.reference - TEXT_LIMITS.id - 1;

const lotIdField = z
  .string()
  .min(1)
  .max(TEXT_LIMITS.id)
  .regex(ID_PATTERN, { error: ID_MESSAGE })
  .openapi({ description: 'Het id van het perceel in de procedure (L1, B1-route): uniek, 1 tot 40 tekens uit A-Z, a-z, 0-9, _ en -' });

/** A new lot's own facts; its award rules come from a template or another lot. */
const newLotFields = {
  id: lotIdField,
  title: nonBlankLine('de titel', TEXT_LIMITS.title),
  lot: nonBlankLine('het perceel', TEXT_LIMITS.reference)
    .optional()
    .openapi({ description: 'De route of het deel dat dit perceel inkoopt (B1-route); standaard dat van de template of van het gekopieerde perceel' }),
  estimatedValue: z
    .number()
    .min(MIN_MONEY_EUROS, { error: MONEY_MESSAGE })
    .max(MAX_MONEY_EUROS, { error: MONEY_MESSAGE })
    .optional()
    .openapi({ description: 'De raming van dit perceel in euro (ten hoogste twee decimalen), zoals tender.estimatedValue van een dossier' }),
  expectedLearners: z
    .number()
    .int({ error: 'moet een geheel getal van minstens 1 zijn' })
    .min(1, { error: 'moet een geheel getal van minstens 1 zijn' })
    .optional()
    .openapi({ description: 'Het verwachte aantal inburgeraars van dit perceel' }),
};

const templateField = z.string().min(1).max(TEXT_LIMITS.serverId).openapi({ description: 'Een template van GET /api/v1/templates' });

export const CreateProcedureQuery = ImportProcedureQuery;

export const CreateProcedureBody = z
  .strictObject({
    reference: nonBlankLine('het kenmerk', CREATED_PROCEDURE_REFERENCE_MAX).openapi({
      description: 'Het kenmerk van de procedure; elk perceel krijgt als kenmerk dit kenmerk, een streepje en zijn id',
    }),
    title: nonBlankLine('de titel', TEXT_LIMITS.title),
    buyer: nonBlankLine('de aanbestedende dienst', TEXT_LIMITS.reference).optional().openapi({ description: 'Standaard de naam van de organisatie' }),
    lots: z
      .array(z.strictObject({ ...newLotFields, template: templateField }).openapi('NewProcedureLot'))
      .min(1)
      .max(MAX_LOTS)
      .openapi({ description: 'De percelen in hun volgorde; elk wordt een aanbesteding in voorbereiding uit zijn template' }),
  })
  .openapi('CreateProcedure');

/** What the dossier checks of a lot's fields beyond these schemas (`parseTenderFields`). */
const NEW_LOT_RULES = (prefix: string): RuleBeyondSchema[] => [
  { path: `${prefix}estimatedValue`, rule: 'een bedrag met ten hoogste twee decimalen' },
  { path: `${prefix}template`, rule: 'een template van GET /api/v1/templates' },
];

export const CREATE_PROCEDURE_RULES: RuleBeyondSchema[] = [{ path: 'lots[*].id', rule: 'uniek binnen de percelen' }, ...NEW_LOT_RULES('lots[*].')];

export const AddLotBody = z
  .strictObject({
    ...newLotFields,
    template: templateField.optional().openapi({ description: 'Begin bij deze template (precies één van template en copyOf)' }),
    copyOf: lotIdField.optional().openapi({
      description:
        'Neem de criteria, gewichten, schalen, minimumscores, prijsformule, regels voor lage inschrijvingen en enveloppen over van dit perceel (niet de inschrijvingen, het panel of de raming); precies één van template en copyOf',
    }),
  })
  .openapi('NewLot');

export const ADD_LOT_RULES: RuleBeyondSchema[] = [
  { path: 'id', rule: 'nog geen perceel van de procedure' },
  { path: 'template', rule: 'precies één van template en copyOf' },
  { path: 'copyOf', rule: 'een perceel van de procedure; precies één van template en copyOf' },
  ...NEW_LOT_RULES(''),
];

export const ProcedureLotParams = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.serverId)
    .openapi({ param: { name: 'id', in: 'path' } }),
  lotId: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.id)
    .openapi({ param: { name: 'lotId', in: 'path' }, description: 'Het id van het perceel in de procedure (L1)' }),
});

export const SettingsCopyBody = z
  .strictObject({
    to: z.array(lotIdField).min(1).max(MAX_LOTS).openapi({ description: 'De percelen die de instellingen van het bronperceel krijgen, elk in voorbereiding' }),
  })
  .openapi('LotSettingsCopy');

export const SETTINGS_COPY_RULES: RuleBeyondSchema[] = [
  { path: 'to[*]', rule: 'een ander perceel van de procedure, elk hoogstens één keer' },
  { path: 'to', rule: 'de vastgelegde consensusscores van een perceel passen op de nieuwe criteria' },
];
