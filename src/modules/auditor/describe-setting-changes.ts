/**
 * @module
 * What a `tender.update` changed, as Dutch phrases with the old and the new value formatted
 * as the settings page shows them (issue 16): "raming € 400.000,00 werd € 450.000,00",
 * "criterium K2 (Begeleiding): gewicht 30 werd 40". The event records the full settings
 * before and after (audit-event.contract.ts); the auditor reads the difference, not JSON.
 * A field this file does not name is still reported, as "andere instellingen".
 */
import { formatDutchTrimmed, formatEuros, formatPercent } from '../../domain/money.js';
import { AWARD_METHOD_TERMS, LOW_BID_PRESET_TERMS, LOW_BID_RULE_TERMS, labelsOf, settingGroupLabel, TIE_BREAK_NAMES } from '../../domain/vocabulary/index.js';
import { type Fields, record } from './change-values.js';

type Format = (value: unknown) => string;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const absent = (value: unknown): boolean => value === undefined || value === null;

const METHODS: Readonly<Record<string, string>> = labelsOf(AWARD_METHOD_TERMS);
const PRESETS: Readonly<Record<string, string>> = labelsOf(LOW_BID_PRESET_TERMS);
const RULES: Readonly<Record<string, string>> = labelsOf(LOW_BID_RULE_TERMS);

const labelOf =
  (labels: Readonly<Record<string, string>>): Format =>
  (value) =>
    typeof value === 'string' && Object.hasOwn(labels, value) ? (labels[value] ?? value) : String(value);
const quoted: Format = (value) => `"${String(value)}"`;
const number: Format = (value) => (typeof value === 'number' ? formatDutchTrimmed(value) : String(value));
const money: Format = (value) => (typeof value === 'number' ? formatEuros(value) : String(value));
const share: Format = (value) => (typeof value === 'number' ? formatPercent(value) : String(value));
const yesNo: Format = (value) => (value === true ? 'ja' : 'nee');
const scale: Format = (value) => (Array.isArray(value) ? value.map(number).join(', ') : String(value));
const tieBreaks: Format = (value) => (Array.isArray(value) ? value.map(labelOf(TIE_BREAK_NAMES)).join(', dan ') : String(value));

/** "raming € 400.000,00 werd € 450.000,00"; "raming € 400.000,00 (nieuw)"; "raming verwijderd (was € 400.000,00)". */
function phrase(label: string, format: Format, before: unknown, after: unknown): string {
  if (absent(before)) return `${label} ${format(after)} (nieuw)`;
  if (absent(after)) return `${label} verwijderd (was ${format(before)})`;
  return `${label} ${format(before)} werd ${format(after)}`;
}

/** The changed fields of one group, in the order of `fields`; a field not listed as "andere instellingen". */
function fieldChanges(before: Fields, after: Fields, fields: Readonly<Record<string, readonly [string, Format]>>, prefix = ''): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !same(before[key], after[key]));
  const known = Object.keys(fields).filter((key) => keys.includes(key));
  const phrases = known.map((key) => {
    const [label, format] = fields[key] as readonly [string, Format];
    return prefix + phrase(label, format, before[key], after[key]);
  });
  return keys.some((key) => !Object.hasOwn(fields, key)) ? [...phrases, `${prefix}andere instellingen`] : phrases;
}

const TENDER_FIELDS = {
  reference: ['kenmerk', quoted],
  title: ['titel', quoted],
  buyer: ['aanbestedende dienst', quoted],
  lot: ['perceel', quoted],
  estimatedValue: ['raming', money],
  expectedLearners: ['verwacht aantal inburgeraars', number],
} as const satisfies Record<string, readonly [string, Format]>;

const AWARD_FIELDS = {
  method: ['gunningsmethode', labelOf(METHODS)],
  priceWeight: ['prijsgewicht', number],
  priceFloor: ['bodemprijs', money],
  priceCeiling: ['plafondprijs', money],
  fixedPrice: ['vaste prijs', money],
  tieBreak: ['beslisregel bij gelijke stand', tieBreaks],
} as const satisfies Record<string, readonly [string, Format]>;

const CRITERION_FIELDS = {
  title: ['titel', quoted],
  weight: ['gewicht', number],
  scale: ['schaal', scale],
  minimum: ['minimumscore', number],
  value: ['waarde bij de hoogste score', money],
  description: ['omschrijving', quoted],
  levels: ['beschrijving van de scores', () => 'aangepast'],
} as const satisfies Record<string, readonly [string, Format]>;

const COST_FLOOR_FIELDS = {
  contactHours: ['contacturen per inburgeraar', number],
  teacherHourlyCost: ['kosten docent per lesuur', money],
  groupSize: ['groepsgrootte', number],
  overheadShare: ['opslag overhead', share],
  fixedCostPerLearner: ['vaste kosten per inburgeraar', money],
} as const satisfies Record<string, readonly [string, Format]>;

const SETTINGS_FIELDS = {
  showPricesToEvaluators: ['beoordelaars zien de prijzen', yesNo],
} as const satisfies Record<string, readonly [string, Format]>;

const criterionName = (criterion: Fields): string => `criterium ${String(criterion.id)} (${String(criterion.title)})`;

function criteriaChanges(before: unknown, after: unknown): string[] {
  const old = (Array.isArray(before) ? before : []).map(record);
  const now = (Array.isArray(after) ? after : []).map(record);
  const byId = (list: Fields[], id: unknown) => list.find((c) => c.id === id);
  const phrases: string[] = [];
  for (const criterion of now) {
    const previous = byId(old, criterion.id);
    if (previous === undefined) phrases.push(`${criterionName(criterion)} toegevoegd met gewicht ${number(criterion.weight)}`);
    else if (!same(previous, criterion)) {
      const changes = fieldChanges(previous, criterion, CRITERION_FIELDS).join(', ');
      phrases.push(`${criterionName(previous)}: ${changes}`);
    }
  }
  for (const criterion of old) if (byId(now, criterion.id) === undefined) phrases.push(`${criterionName(criterion)} verwijderd`);
  const order = (list: Fields[]) => list.map((c) => c.id).filter((id) => byId(old, id) !== undefined && byId(now, id) !== undefined);
  if (phrases.length === 0 && !same(order(old), order(now))) phrases.push('volgorde van de criteria aangepast');
  return phrases;
}

/** The rule settings by rule id: on or off, and the threshold. */
function ruleChanges(before: unknown, after: unknown): string[] {
  const old = new Map((Array.isArray(before) ? before : []).map(record).map((r) => [String(r.id), r]));
  const now = new Map((Array.isArray(after) ? after : []).map(record).map((r) => [String(r.id), r]));
  const phrases: string[] = [];
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const was = old.get(id) ?? {};
    const is = now.get(id) ?? {};
    if (same(was, is)) continue;
    const rule = `regel "${labelOf(RULES)(id)}"`;
    // A rule setting without `enabled` applies (dossier.md): absent reads as on.
    const enabled = (r: Fields) => r.enabled !== false;
    const parts: string[] = [];
    if (enabled(was) !== enabled(is)) parts.push(enabled(is) ? 'aangezet' : 'uitgezet');
    if (!same(was.threshold, is.threshold)) parts.push(phrase('drempel', number, was.threshold, is.threshold));
    phrases.push(`${rule}: ${parts.length === 0 ? 'aangepast' : parts.join(', ')}`);
  }
  return phrases;
}

function lowBidRuleChanges(before: Fields, after: Fields): string[] {
  const phrases: string[] = [];
  if (!same(before.preset, after.preset)) phrases.push(phrase('standaardregels', labelOf(PRESETS), before.preset, after.preset));
  if (!same(before.rules, after.rules)) phrases.push(...ruleChanges(before.rules, after.rules));
  if (!same(before.costFloor, after.costFloor)) {
    if (absent(before.costFloor)) phrases.push('kostenvloer ingesteld');
    else if (absent(after.costFloor)) phrases.push('kostenvloer verwijderd');
    else phrases.push(...fieldChanges(record(before.costFloor), record(after.costFloor), COST_FLOOR_FIELDS, 'kostenvloer: '));
  }
  const other = Object.keys({ ...before, ...after }).filter((key) => !['preset', 'rules', 'costFloor'].includes(key) && !same(before[key], after[key]));
  return other.length > 0 ? [...phrases, 'andere instellingen'] : phrases;
}

/**
 * The changes of a `tender.update`, one phrase each, in the order of the settings page.
 * @example describeSettingChanges({ tender: { estimatedValue: 400000 } }, { tender: { estimatedValue: 450000 } })
 * // ['raming € 400.000,00 werd € 450.000,00']
 */
export function describeSettingChanges(beforeValue: unknown, afterValue: unknown): string[] {
  const before = record(beforeValue);
  const after = record(afterValue);
  const group = (key: string) => [record(before[key]), record(after[key])] as const;
  const phrases = [
    ...fieldChanges(...group('tender'), TENDER_FIELDS),
    ...fieldChanges(...group('award'), AWARD_FIELDS),
    ...criteriaChanges(before.criteria, after.criteria),
    ...lowBidRuleChanges(...group('lowBidRules')),
    ...fieldChanges(...group('settings'), SETTINGS_FIELDS),
  ];
  const known = new Set(['tender', 'award', 'criteria', 'lowBidRules', 'settings']);
  const others = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !known.has(key) && !same(before[key], after[key]));
  return [...phrases, ...others.map(settingGroupLabel)];
}
