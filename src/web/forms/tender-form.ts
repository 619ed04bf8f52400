/**
 * @module
 * The tender settings form: between a `TenderView` and form values named by the API's own
 * paths (`award.priceWeight`, `criteria[1].weight`), and from form values to the flat input
 * `patchTender` takes. Nothing is checked here: the service checks with the dossier rules and
 * its errors come back at these very names.
 */
import { formatScale } from '../../domain/evaluation/dossier-rules.js';
import { LOW_BID_RULE_IDS, type Criterion, type LowBidRuleId, type LowBidRuleSetting } from '../../domain/evaluation/dossier.js';
import type { TenderPatch, TenderView } from '../../modules/tenders/tenders.service.js';
import type { FieldError } from '../../lib/app-error.js';
import {
  createAmountReader,
  formatFormMoney,
  formatFormNumber,
  formatFormPercent,
  optionalText,
  parseDutchNumber,
  type AmountReader,
  type FormValues,
} from './form-values.js';

export const COST_FLOOR_KEYS = ['contactHours', 'teacherHourlyCost', 'groupSize', 'overheadShare', 'fixedCostPerLearner'] as const;
/** The cost floor's amounts in euros, read as money (`parseAmountText`); the others are hours, a size and a share. */
const COST_FLOOR_MONEY: ReadonlySet<string> = new Set(['teacherHourlyCost', 'fixedCostPerLearner']);

/** How many criterion rows the form shows: every existing one plus one empty row to add a criterion. */
export function criterionRowCount(values: FormValues): number {
  let rows = 0;
  while (values[`criteria[${rows}].originalId`] !== undefined || values[`criteria[${rows}].id`] !== undefined) rows += 1;
  return rows;
}

/** 35 -> 0.35; a percentage with at most four decimals stays exact as a share. */
export function percentToShare(percent: number): number {
  return Math.round(percent * 1e4) / 1e6;
}

/** The form's values for a stored tender, plus one empty criterion row. */
export function tenderFormValues(view: TenderView): FormValues {
  const { tender, award, criteria, lowBidRules } = view;
  const values: FormValues = {
    reference: tender.reference,
    title: tender.title,
    buyer: tender.buyer,
    lot: tender.lot,
    estimatedValue: formatFormMoney(tender.estimatedValue),
    expectedLearners: formatFormNumber(tender.expectedLearners),
    envelopes: tender.envelopes ?? 'one',
    'award.method': award.method,
    'award.priceWeight': formatFormNumber(award.priceWeight),
    'award.priceFloor': formatFormMoney(award.priceFloor),
    'award.priceCeiling': formatFormMoney(award.priceCeiling),
    'award.fixedPrice': formatFormMoney(award.fixedPrice),
    'award.tieBreak': (award.tieBreak ?? []).join(','),
    'lowBidRules.preset': lowBidRules?.preset ?? '',
    showPricesToEvaluators: view.showPricesToEvaluators ? 'ja' : '',
  };
  [...criteria, undefined].forEach((criterion, index) => {
    const at = `criteria[${index}]`;
    values[`${at}.originalId`] = criterion?.id ?? '';
    values[`${at}.id`] = criterion?.id ?? '';
    values[`${at}.title`] = criterion?.title ?? '';
    values[`${at}.weight`] = formatFormNumber(criterion?.weight);
    values[`${at}.scale`] = criterion === undefined ? '' : formatScale(criterion.scale);
    values[`${at}.minimum`] = formatFormNumber(criterion?.minimum);
    values[`${at}.value`] = formatFormNumber(criterion?.value);
  });
  for (const setting of lowBidRules?.rules ?? []) {
    if (setting.enabled !== undefined) values[`lowBidRules.rules.${setting.id}.enabled`] = setting.enabled ? 'aan' : 'uit';
    if (setting.threshold !== undefined) values[`lowBidRules.rules.${setting.id}.threshold`] = formatFormNumber(setting.threshold);
  }
  for (const key of COST_FLOOR_KEYS) {
    const stored = lowBidRules?.costFloor?.[key];
    values[`lowBidRules.costFloor.${key}`] =
      key === 'overheadShare' ? formatFormPercent(stored) : COST_FLOOR_MONEY.has(key) ? formatFormMoney(stored) : formatFormNumber(stored);
  }
  return values;
}

/** "0, 25, 50" or "0; 2,5; 5" (the domain writes decimal scales with semicolons) or "0 25 50". */
export function parseScale(text: string | undefined): unknown {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return undefined;
  const parts = trimmed.includes(';') ? trimmed.split(';') : trimmed.split(/[,\s]+/);
  return parts.map((part) => parseDutchNumber(part)).filter((v) => v !== undefined);
}

function isBlankRow(values: FormValues, at: string): boolean {
  return ['id', 'title', 'weight', 'scale', 'minimum', 'value'].every((key) => optionalText(values[`${at}.${key}`]) === undefined);
}

/** The criteria sent, and for each the form row it came from (removed and blank rows are skipped). */
function criteriaFromForm(values: FormValues, current: readonly Criterion[]): { list: unknown[]; rowOf: number[] } {
  const byId = new Map(current.map((c) => [c.id, c]));
  const list: unknown[] = [];
  const rowOf: number[] = [];
  for (let index = 0; index < criterionRowCount(values); index += 1) {
    const at = `criteria[${index}]`;
    if (values[`${at}.remove`] === 'ja' || isBlankRow(values, at)) continue;
    // Descriptions and level meanings are not on this form: they stay with the criterion.
    const kept = byId.get(values[`${at}.originalId`] ?? '');
    const criterion: Record<string, unknown> = {
      id: values[`${at}.id`]?.trim() ?? '',
      title: values[`${at}.title`]?.trim() ?? '',
      weight: parseDutchNumber(values[`${at}.weight`]),
      scale: parseScale(values[`${at}.scale`]),
    };
    if (kept?.description !== undefined) criterion.description = kept.description;
    if (kept?.levels !== undefined) criterion.levels = kept.levels;
    const minimum = parseDutchNumber(values[`${at}.minimum`]);
    if (minimum !== undefined) criterion.minimum = minimum;
    const value = parseDutchNumber(values[`${at}.value`]);
    if (value !== undefined) criterion.value = value;
    list.push(criterion);
    rowOf.push(index);
  }
  return { list, rowOf };
}

function ruleSettingsFromForm(values: FormValues): LowBidRuleSetting[] {
  const settings: LowBidRuleSetting[] = [];
  for (const id of LOW_BID_RULE_IDS) {
    const enabled = values[`lowBidRules.rules.${id}.enabled`];
    const threshold = parseDutchNumber(values[`lowBidRules.rules.${id}.threshold`]);
    if ((enabled === undefined || enabled === '') && threshold === undefined) continue;
    const setting: Record<string, unknown> = { id };
    if (enabled === 'aan' || enabled === 'uit') setting.enabled = enabled === 'aan';
    if (threshold !== undefined) setting.threshold = threshold;
    settings.push(setting as LowBidRuleSetting);
  }
  return settings;
}

function lowBidRulesFromForm(values: FormValues, amounts: AmountReader): { rules: unknown; ruleOrder: LowBidRuleId[] } {
  const preset = optionalText(values['lowBidRules.preset']);
  const settings = ruleSettingsFromForm(values);
  const costFloor: Record<string, unknown> = {};
  for (const key of COST_FLOOR_KEYS) {
    const name = `lowBidRules.costFloor.${key}`;
    const value = COST_FLOOR_MONEY.has(key) ? amounts.money(name, values[name]) : parseDutchNumber(values[name]);
    // The overhead is asked as a percentage (35), the dossier holds the share (0.35).
    if (value !== undefined) costFloor[key] = key === 'overheadShare' && typeof value === 'number' ? percentToShare(value) : value;
  }
  const rules: Record<string, unknown> = {};
  if (preset !== undefined) rules.preset = preset;
  if (settings.length > 0) rules.rules = settings;
  if (Object.keys(costFloor).length > 0) rules.costFloor = costFloor;
  return { rules: Object.keys(rules).length === 0 ? null : rules, ruleOrder: settings.map((s) => s.id) };
}

export type TenderFormInput = {
  patch: TenderPatch;
  /** Rewrites `lowBidRules.rules[2].threshold` (an index into what was sent) to the field's name. */
  renamePath: (path: string) => string;
  /** The service's errors with the reason of each refused amount (`400,000`) at its field. */
  explain: (errors: readonly FieldError[]) => FieldError[];
};

/**
 * The whole form as a `PATCH`: every field is sent, an empty optional one as `null` (removed).
 * @example tenderPatchFromForm(values, view.criteria).patch.award // { method: 'lowest-relative', priceWeight: 20 }
 */
export function tenderPatchFromForm(values: FormValues, currentCriteria: readonly Criterion[]): TenderFormInput {
  const amounts = createAmountReader();
  const award: Record<string, unknown> = { method: values['award.method'] };
  const priceWeight = parseDutchNumber(values['award.priceWeight']);
  if (priceWeight !== undefined) award.priceWeight = priceWeight;
  for (const key of ['priceFloor', 'priceCeiling', 'fixedPrice'] as const) {
    const value = amounts.money(`award.${key}`, values[`award.${key}`]);
    if (value !== undefined) award[key] = value;
  }
  const tieBreak = optionalText(values['award.tieBreak']);
  if (tieBreak !== undefined) award.tieBreak = tieBreak.split(',');
  const { rules, ruleOrder } = lowBidRulesFromForm(values, amounts);
  const criteria = criteriaFromForm(values, currentCriteria);
  const orNull = (value: unknown) => (value === undefined ? null : value);
  const patch: TenderPatch = {
    reference: values.reference ?? '',
    title: values.title ?? '',
    buyer: values.buyer ?? '',
    lot: values.lot ?? '',
    estimatedValue: orNull(amounts.money('estimatedValue', values.estimatedValue)),
    expectedLearners: orNull(amounts.count('expectedLearners', values.expectedLearners)),
    // A form without the field (an older page) leaves the setting as it is.
    ...(values.envelopes === undefined ? {} : { envelopes: values.envelopes }),
    award,
    criteria: criteria.list,
    lowBidRules: rules,
    showPricesToEvaluators: values.showPricesToEvaluators === 'ja',
  };
  const renamePath = (path: string) =>
    path
      .replace(/^lowBidRules\.rules\[(\d+)\]/, (whole, index: string) => {
        const id = ruleOrder[Number(index)];
        return id === undefined ? whole : `lowBidRules.rules.${id}`;
      })
      .replace(/^criteria\[(\d+)\]/, (whole, index: string) => {
        const row = criteria.rowOf[Number(index)];
        return row === undefined ? whole : `criteria[${row}]`;
      });
  return { patch, renamePath, explain: amounts.explain };
}
