/**
 * @module
 * Validation of a dossier (the specification's `spec/evaluation.md`, "The dossier" and "Validation
 * errors"). One schema serves the CLI, the import endpoint and the OpenAPI description, so
 * that all three accept and reject the same files with the same messages. Every object is
 * strict because the spec makes unknown fields an error (a misspelt optional field would
 * otherwise be silently ignored and change an award).
 */
import * as z from 'zod';
import { AWARD_METHODS, DOSSIER_FORMAT, LOW_BID_PRESETS, LOW_BID_RULE_IDS, REVIEW_STATES, TIE_BREAKS, type Dossier } from './dossier.js';
import { hasAtMostTwoDecimals, isMoneyEuros, MAX_MONEY_EUROS, MIN_MONEY_EUROS } from '../money.js';
import { TEXT_LIMITS } from '../text/text-limits.js';
import { providerAddressShape } from '../provider/provider-address.js';
import { multiLineText, nonBlankLine, nonBlankText } from '../text/text-fields.js';
import {
  checkAward,
  checkBidPriceLines,
  checkCriterion,
  checkDossier,
  checkReview,
  checkRuleList,
  checkRuleSetting,
  checkTieBreak,
  checkUniqueIds,
  ID_MESSAGE,
  ID_PATTERN,
  MONEY_MESSAGE,
  priceLinesTotalCents,
  type Report,
} from './dossier-rules.js';

export type ValidationProblem = { path: string; message: string };
export type ParseResult = { ok: true; dossier: Dossier } | { ok: false; problems: ValidationProblem[] };

// Checks that read more than their own field run even when parsing found other problems,
// so that one pass reports everything (the spec: "All problems are reported").
export const always = { when: () => true };
export const reporter =
  (ctx: z.core.$RefinementCtx): Report =>
  (path, message) =>
    ctx.addIssue({ code: 'custom', path: [...path], message, input: undefined });

/** A required single line of at most `max` characters; `label` names it in messages. */
export const line = (label: string, max: number) => nonBlankLine(label, max);
/** Required text of at most `max` characters that may hold line breaks. */
export const lines = (label: string, max: number) => nonBlankText(label, max);
// The pattern bounds the length already; the maximum puts it in the OpenAPI document.
const id = z.string().max(TEXT_LIMITS.id, { abort: true, error: ID_MESSAGE }).regex(ID_PATTERN, { error: ID_MESSAGE });
// The bounds are checks of their own so that JSON Schema states them (`minimum`, `maximum`,
// `exclusiveMinimum`, `type: integer`), without `abort` (an aborted check would stop the
// dossier-wide checks, and every problem is to be reported; equal messages at one path are
// reported once). "At most two decimals" stays a refinement, because
// `multipleOf: 0.01` is judged in binary floating point by most validators (0.07 / 0.01 is
// not a whole number there), and so is listed as a rule beyond the schema (docs/api-contract.md).
const money = z
  .number()
  .min(MIN_MONEY_EUROS, { error: MONEY_MESSAGE })
  .max(MAX_MONEY_EUROS, { error: MONEY_MESSAGE })
  .refine(isMoneyEuros, { error: MONEY_MESSAGE });
const POSITIVE_TWO_DECIMALS = 'moet groter dan 0 zijn met hoogstens 2 decimalen';
const positiveTwoDecimals = z.number().gt(0, { error: POSITIVE_TWO_DECIMALS }).refine(hasAtMostTwoDecimals, { error: POSITIVE_TWO_DECIMALS });
const POSITIVE_INTEGER = 'moet een geheel getal van minstens 1 zijn';
const positiveInteger = z.number().int({ error: POSITIVE_INTEGER }).min(1, { error: POSITIVE_INTEGER });
const DATE_MESSAGE = 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD';
/**
 * A day of the calendar, `YYYY-MM-DD`, leap years included (ISO 8601, RFC 3339 full-date) and
 * with digits 0-9 only: the pattern says all of it, so the document states it as `pattern`
 * beside `format: date` (an annotation that not every validator checks).
 */
export const ISO_DATE_PATTERN =
  /^(?:(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29|[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8])))$/;

/** A calendar date `YYYY-MM-DD`: `format: date` and its pattern in the document. */
export const isoDate = z.string().max(10, { error: DATE_MESSAGE }).regex(ISO_DATE_PATTERN, { error: DATE_MESSAGE }).meta({ format: 'date' });

export const KVK_MESSAGE = 'KvK-nummer moet precies 8 cijfers zijn';
const OVERHEAD_MESSAGE = 'moet tussen 0 en 5 liggen met hoogstens 2 decimalen';

export const tenderSchema = z.strictObject({
  reference: line('het kenmerk', TEXT_LIMITS.reference),
  title: line('de titel', TEXT_LIMITS.title),
  buyer: line('de aanbestedende dienst', TEXT_LIMITS.reference),
  lot: line('het perceel', TEXT_LIMITS.reference),
  estimatedValue: money.optional(),
  expectedLearners: positiveInteger.optional(),
  // Not read by the evaluation: an absent field is `one`, so every older dossier means what it meant.
  envelopes: z.enum(['one', 'two']).optional(),
});

export const awardSchema = z
  .strictObject({
    method: z.enum(AWARD_METHODS),
    priceWeight: positiveTwoDecimals.optional(),
    priceFloor: money.optional(),
    priceCeiling: money.optional(),
    fixedPrice: money.optional(),
    tieBreak: z
      .array(z.enum(TIE_BREAKS))
      .superRefine((v, ctx) => checkTieBreak(v, reporter(ctx)), always)
      .meta({ uniqueItems: true })
      .optional(),
  })
  .superRefine((v, ctx) => checkAward(v, reporter(ctx)), always);

export const criterionLevelSchema = z.strictObject({ score: z.number(), meaning: line('de betekenis', TEXT_LIMITS.label) });

export const criterionSchema = z
  .strictObject({
    id,
    title: line('de titel', TEXT_LIMITS.title),
    description: lines('de omschrijving', TEXT_LIMITS.description).optional(),
    weight: positiveTwoDecimals,
    scale: z.array(z.number()).min(2, { error: 'schaal moet minstens twee waarden hebben' }),
    levels: z.array(criterionLevelSchema).optional(),
    minimum: z.number().optional(),
    value: money.optional(),
  })
  .superRefine((v, ctx) => checkCriterion(v, reporter(ctx)), always);

export const lowBidRuleSettingSchema = z
  .strictObject({
    id: z.enum(LOW_BID_RULE_IDS),
    threshold: z.number().optional(),
    enabled: z.boolean().optional(),
  })
  .superRefine((v, ctx) => checkRuleSetting(v, reporter(ctx)), always);

export const costFloorSchema = z.strictObject({
  contactHours: positiveInteger,
  teacherHourlyCost: money,
  groupSize: positiveInteger,
  overheadShare: z.number().min(0, { error: OVERHEAD_MESSAGE }).max(5, { error: OVERHEAD_MESSAGE }).refine(hasAtMostTwoDecimals, { error: OVERHEAD_MESSAGE }),
  // The spec's default is 0, so 0 is a valid amount here although money is otherwise >= 0,01.
  fixedCostPerLearner: z
    .number()
    .min(0, { error: `0 of een ${MONEY_MESSAGE}` })
    .max(MAX_MONEY_EUROS, { error: `0 of een ${MONEY_MESSAGE}` })
    .refine((x) => x === 0 || isMoneyEuros(x), { error: `0 of een ${MONEY_MESSAGE}` })
    .optional(),
});

export const lowBidRulesSchema = z.strictObject({
  preset: z.enum(LOW_BID_PRESETS).optional(),
  rules: z
    .array(lowBidRuleSettingSchema)
    .superRefine((v, ctx) => checkRuleList(v, reporter(ctx)), always)
    .optional(),
  costFloor: costFloorSchema.optional(),
});

export const lowBidReviewSchema = z
  .strictObject({
    state: z.enum(REVIEW_STATES),
    requestedAt: isoDate.optional(),
    deadline: isoDate.optional(),
    questions: multiLineText('de vragen', TEXT_LIMITS.motivation).optional(),
    explanation: multiLineText('de toelichting', TEXT_LIMITS.motivation).optional(),
    receivedAt: isoDate.optional(),
    decision: z.enum(['accepted', 'rejected']).optional(),
    motivation: multiLineText('de motivering', TEXT_LIMITS.motivation).optional(),
    decidedAt: isoDate.optional(),
  })
  .superRefine((v, ctx) => checkReview(v, reporter(ctx)), always);

export const priceLineSchema = z.strictObject({
  description: line('de omschrijving', TEXT_LIMITS.label),
  quantity: positiveTwoDecimals,
  unitPrice: money,
});

/** `bids[].withdrawal`: when the buyer received the withdrawal, and why (docs/corrections.md). */
export const withdrawalSchema = z.strictObject({
  receivedOn: isoDate,
  reason: lines('de reden', TEXT_LIMITS.remark),
});

const SHA256_MESSAGE = 'moet een SHA-256 zijn: 64 tekens 0-9 en a-f';

/**
 * `bids[].documents`: the bid's documents as the export names them (issue 20), so an auditor
 * can match the files; the bytes are not in the dossier, and the evaluation never reads this.
 */
export const bidDocumentRefSchema = z.strictObject({
  name: line('de bestandsnaam', TEXT_LIMITS.name),
  size: positiveInteger,
  sha256: z
    .string()
    .length(64, { abort: true, error: SHA256_MESSAGE })
    .regex(/^[0-9a-f]{64}$/, { error: SHA256_MESSAGE }),
  envelope: z.enum(['quality', 'price']),
  version: positiveInteger,
});

export const bidSchema = z
  .strictObject({
    id,
    provider: z.strictObject({
      name: line('de naam', TEXT_LIMITS.name),
      kvk: z
        .string()
        .max(8, { abort: true, error: KVK_MESSAGE })
        .regex(/^[0-9]{8}$/, { error: KVK_MESSAGE }),
      keurmerk: z.boolean(),
      ...providerAddressShape,
    }),
    price: money.optional(),
    priceLines: z.array(priceLineSchema).min(1, { error: 'geef minstens één prijsregel of laat priceLines weg' }).optional(),
    scores: z.record(z.string().max(TEXT_LIMITS.id), z.number()),
    lowBidReview: lowBidReviewSchema.optional(),
    withdrawal: withdrawalSchema.optional(),
    documents: z.array(bidDocumentRefSchema).max(1000).optional(),
  })
  .superRefine((v, ctx) => checkBidPriceLines(v, reporter(ctx)), always)
  // The spec: without `price` the price is the sum of the lines; it runs only on a valid bid.
  .overwrite((bid) => {
    if (bid.price !== undefined || bid.priceLines === undefined) return bid;
    const total = priceLinesTotalCents(bid.priceLines);
    return total === null ? bid : { ...bid, price: Number(total) / 100 };
  });

export const dossierSchema = z
  .strictObject({
    format: z.literal(DOSSIER_FORMAT),
    tender: tenderSchema,
    award: awardSchema,
    criteria: z
      .array(criterionSchema)
      .min(1, { error: 'geef minstens één criterium' })
      .superRefine((v, ctx) => checkUniqueIds(v, 'criteria', reporter(ctx)), always),
    lowBidRules: lowBidRulesSchema.optional(),
    bids: z.array(bidSchema).superRefine((v, ctx) => checkUniqueIds(v, 'bids', reporter(ctx)), always),
  })
  .superRefine((v, ctx) => checkDossier(v, reporter(ctx)), always);

// The schema and the hand-written types must describe the same dossier, in both directions.
type Assert<T extends true> = T;
export type _OutputIsDossier = Assert<z.output<typeof dossierSchema> extends Dossier ? true : false>;
export type _DossierIsInput = Assert<Dossier extends z.input<typeof dossierSchema> ? true : false>;

const TYPE_NAMES: Record<string, string> = {
  string: 'een tekst',
  number: 'een getal',
  boolean: 'true of false',
  object: 'een object',
  array: 'een lijst',
};

function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'een lijst';
  if (typeof x === 'number' && !Number.isFinite(x)) return 'geen eindig getal';
  return TYPE_NAMES[typeof x] ?? typeof x;
}

/** Dutch messages for zod's own issues (type, enum, length); the schema's checks carry their own. */
export function dutchErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'verplicht veld ontbreekt';
      return `moet ${TYPE_NAMES[issue.expected] ?? issue.expected} zijn, niet ${describeValue(issue.input)}`;
    case 'invalid_value': {
      if (issue.input === undefined) return 'verplicht veld ontbreekt';
      const values = issue.values.map((v) => JSON.stringify(v));
      return values.length === 1 ? `moet precies ${values[0]} zijn` : `moet een van ${values.join(', ')} zijn`;
    }
    case 'unrecognized_keys':
      return 'onbekend veld';
    case 'invalid_key':
      return `geen criterium: een id heeft hoogstens ${TEXT_LIMITS.id} tekens`;
    case 'too_small':
      return `moet minstens ${String(issue.minimum)} bevatten`;
    default:
      return undefined;
  }
}

/**
 * A path as the spec writes it, from the dossier's root and counting from 0.
 * @example formatPath(['bids', 2, 'scores', 'K1']) // 'bids[2].scores.K1'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'symbol') out += `[${String(segment)}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * One problem per unknown key, at the key itself, so that each can be found and fixed.
 * `rootName` names a problem of the document itself (a tender template reuses this).
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], rootName = 'dossier'): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  const add = (path: readonly PropertyKey[], message: string) => {
    // A problem on the root itself (not an object) has no field name to show.
    const problem = { path: path.length === 0 ? rootName : formatPath(path), message };
    const key = `${problem.path}\u0000${message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], `onbekend veld "${key}"`);
    } else add(issue.path, issue.message);
  }
  return problems;
}

export function parseDossier(input: unknown): ParseResult {
  const result = dossierSchema.safeParse(input, { error: dutchErrorMap });
  if (result.success) return { ok: true, dossier: result.data };
  return { ok: false, problems: issuesToProblems(result.error.issues) };
}
