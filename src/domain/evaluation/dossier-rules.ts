/**
 * @module
 * The dossier checks that a field-by-field schema cannot express: rules between fields
 * (method and award fields, criteria and scores, price and price lines) and rules over a list
 * (unique ids, ascending scales). They read the value defensively because the spec wants every
 * problem reported (evaluation.md "Validation errors"): they also run when other parts of the
 * dossier are malformed, and then check what can still be checked.
 */
import { AWARD_METHODS, METHODS_WITH_PRICE_WEIGHT, type AwardMethod } from './dossier.js';
import type { RuleBeyondSchema } from '../rules-beyond-schema.js';
import { eurosToCents, formatEuroCents, hasAtMostTwoDecimals, isMoneyEuros, toHundredths } from '../money.js';

export type Report = (path: readonly PropertyKey[], message: string) => void;

const TWO_DECIMALS = 'hoogstens 2 decimalen';
const SEE_SCALE = 'komt voor op de schaal van het criterium';

/**
 * What `parseDossier` checks beyond the dossier's JSON Schema (the schema states types,
 * required fields, bounds, patterns and lengths), by path from the dossier's root. Every
 * operation that takes dossier fields lists these on its 400 answer.
 */
export const DOSSIER_RULES: readonly RuleBeyondSchema[] = [
  { path: 'tender.estimatedValue', rule: `een bedrag met ${TWO_DECIMALS}` },
  { path: 'award.priceWeight', rule: `verplicht bij de methoden ${METHODS_WITH_PRICE_WEIGHT.join(', ')}; ${TWO_DECIMALS}` },
  { path: 'award.priceFloor', rule: `verplicht bij min-max-set en lager dan priceCeiling; een bedrag met ${TWO_DECIMALS}` },
  { path: 'award.priceCeiling', rule: `verplicht bij min-max-set; een bedrag met ${TWO_DECIMALS}` },
  { path: 'award.fixedPrice', rule: `verplicht bij fixed-price; een bedrag met ${TWO_DECIMALS}` },
  { path: 'award.tieBreak[*]', rule: '"lot" (loting) alleen als laatste; elke beslisregel hoogstens één keer (uniqueItems)' },
  { path: 'criteria[*].id', rule: 'uniek binnen de criteria' },
  { path: 'criteria[*].weight', rule: TWO_DECIMALS },
  { path: 'criteria[*].scale[*]', rule: 'de schaal loopt strikt op en eindigt boven 0' },
  { path: 'criteria[*].minimum', rule: SEE_SCALE },
  { path: 'criteria[*].levels[*].score', rule: `${SEE_SCALE}, elke score hoogstens één keer beschreven` },
  { path: 'criteria[*].value', rule: `verplicht bij gunnen-op-waarde; een bedrag met ${TWO_DECIMALS}` },
  { path: 'lowBidRules.rules[*].id', rule: 'elke regel hoogstens één keer' },
  {
    path: 'lowBidRules.rules[*].threshold',
    rule: `cost-floor heeft geen drempel; statistical-outlier: groter dan 0; de andere regels: een percentage groter dan 0 en kleiner dan 100; ${TWO_DECIMALS}`,
  },
  { path: 'lowBidRules.costFloor.teacherHourlyCost', rule: `een bedrag met ${TWO_DECIMALS}` },
  { path: 'lowBidRules.costFloor.overheadShare', rule: TWO_DECIMALS },
  { path: 'lowBidRules.costFloor.fixedCostPerLearner', rule: `0 of een bedrag met ${TWO_DECIMALS}` },
  { path: 'bids[*].id', rule: 'uniek binnen de inschrijvingen' },
  {
    path: 'bids[*].price',
    rule: `verplicht (of priceLines), behalve bij fixed-price; een bedrag met ${TWO_DECIMALS}; gelijk aan de som van de prijsregels als beide er zijn`,
  },
  { path: 'bids[*].priceLines', rule: 'zonder price tellen de prijsregels op tot een geldig bedrag' },
  { path: 'bids[*].priceLines[*].quantity', rule: TWO_DECIMALS },
  { path: 'bids[*].priceLines[*].unitPrice', rule: `een bedrag met ${TWO_DECIMALS}` },
  { path: 'bids[*].scores.*', rule: `een score per criterium en alleen voor de criteria van het dossier; de score ${SEE_SCALE}` },
  { path: 'bids[*].lowBidReview.decision', rule: 'gelijk aan state bij accepted of rejected, en alleen dan' },
  { path: 'bids[*].lowBidReview.motivation', rule: 'verplicht bij state accepted of rejected' },
];

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
export const ID_MESSAGE = 'id moet 1 tot 40 tekens zijn uit A-Z, a-z, 0-9, _ en -';
export const MONEY_MESSAGE = 'bedrag moet tussen 0,01 en 100.000.000.000 liggen met hoogstens 2 decimalen';
const MAX_MONEY_CENTS = 10_000_000_000_000n;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isMoney = (x: unknown): x is number => isNumber(x) && isMoneyEuros(x);
const isMethod = (x: unknown): x is AwardMethod => AWARD_METHODS.some((m) => m === x);

/** A scale that points can be computed on; against a broken one, "not on the scale" is noise. */
function isValidScale(scale: unknown): scale is number[] {
  if (!Array.isArray(scale) || scale.length < 2 || !scale.every(isNumber)) return false;
  return scale.every((v, i) => i === 0 || v > (scale[i - 1] as number)) && (scale[scale.length - 1] as number) > 0;
}

/** Dutch decimal comma; scores and scales are small numbers, so no thousands separator. */
export function formatNumberNl(x: number): string {
  return String(x).replace('.', ',');
}

/** With decimal commas a comma-separated list is ambiguous, so such scales are separated by semicolons. */
export function formatScale(scale: readonly number[]): string {
  const sep = scale.some((v) => !Number.isInteger(v)) ? '; ' : ', ';
  return scale.map(formatNumberNl).join(sep);
}

/** A real calendar date written `YYYY-MM-DD` (low-bids.md, the review record). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/**
 * A price line's amount in cents: `quantity * unitPrice` rounded half up to the cent (spec
 * `bids[].priceLines`), exactly: quantity in hundredths times the unit price in cents is in
 * ten-thousandths of a euro, so adding 50 and dividing by 100 rounds half up.
 * @example lineAmountCents({ quantity: 0.5, unitPrice: 0.01 }) // 1n (0,005 rounds up)
 */
export function lineAmountCents(line: { quantity: number; unitPrice: number }): bigint {
  const product = BigInt(toHundredths(line.quantity)) * BigInt(eurosToCents(line.unitPrice));
  return (product + 50n) / 100n;
}

/** The sum of the line amounts in cents, or null when some line is not valid (nothing to add up). */
export function priceLinesTotalCents(lines: unknown): bigint | null {
  if (!Array.isArray(lines) || lines.length === 0) return null;
  let total = 0n;
  for (const line of lines) {
    if (!isRecord(line)) return null;
    const { quantity, unitPrice } = line;
    if (!isNumber(quantity) || quantity <= 0 || !hasAtMostTwoDecimals(quantity) || !isMoney(unitPrice)) return null;
    total += lineAmountCents({ quantity, unitPrice });
  }
  return total;
}

/** Ids are how bids and criteria are named in results and scores, so they must be unique. */
export function checkUniqueIds(items: unknown, listName: string, report: Report): void {
  if (!Array.isArray(items)) return;
  const firstIndex = new Map<string, number>();
  items.forEach((item, i) => {
    if (!isRecord(item) || typeof item['id'] !== 'string') return;
    const first = firstIndex.get(item['id']);
    if (first === undefined) firstIndex.set(item['id'], i);
    else report([i, 'id'], `id "${item['id']}" komt al voor bij ${listName}[${first}]`);
  });
}

/** The last scale value is the maximum that points divide by, hence ascending and > 0. */
export function checkCriterion(criterion: unknown, report: Report): void {
  if (!isRecord(criterion)) return;
  const { scale, minimum } = criterion;
  if (!Array.isArray(scale) || !scale.every(isNumber)) return;
  for (let i = 1; i < scale.length; i++) {
    const [prev, cur] = [scale[i - 1] as number, scale[i] as number];
    if (cur <= prev) report(['scale', i], `schaal moet strikt oplopen: ${formatNumberNl(cur)} volgt op ${formatNumberNl(prev)}`);
  }
  const last = scale[scale.length - 1];
  if (scale.length >= 2 && last !== undefined && last <= 0) {
    report(['scale', scale.length - 1], `de hoogste schaalwaarde (${formatNumberNl(last)}) moet groter dan 0 zijn`);
  }
  if (isNumber(minimum) && isValidScale(scale) && !scale.includes(minimum)) {
    report(['minimum'], `minimum ${formatNumberNl(minimum)} komt niet voor op de schaal ${formatScale(scale)}`);
  }
  if (isValidScale(scale)) checkLevels(criterion['levels'], scale, report);
}

/** A meaning must belong to a score an evaluator can give, and say one thing per score. */
function checkLevels(levels: unknown, scale: readonly number[], report: Report): void {
  if (!Array.isArray(levels)) return;
  const firstIndex = new Map<number, number>();
  levels.forEach((level, i) => {
    if (!isRecord(level) || !isNumber(level['score'])) return;
    const score = level['score'];
    const first = firstIndex.get(score);
    if (!scale.includes(score)) {
      report(['levels', i, 'score'], `score ${formatNumberNl(score)} komt niet voor op de schaal ${formatScale(scale)}`);
    } else if (first !== undefined) {
      report(['levels', i, 'score'], `score ${formatNumberNl(score)} is al beschreven in levels[${first}]`);
    } else firstIndex.set(score, i);
  });
}

/** `lot` cannot be decided by the tool, so anything after it would never be applied. */
export function checkTieBreak(tieBreak: unknown, report: Report): void {
  if (!Array.isArray(tieBreak)) return;
  const seen = new Set<unknown>();
  tieBreak.forEach((entry, i) => {
    if (seen.has(entry)) report([i], `"${String(entry)}" komt al eerder voor in tieBreak`);
    else if (entry === 'lot' && i !== tieBreak.length - 1) report([i], '"lot" (loting) kan alleen als laatste staan');
    seen.add(entry);
  });
}

export function checkAward(award: unknown, report: Report): void {
  if (!isRecord(award)) return;
  const { method, priceFloor, priceCeiling } = award;
  if (isMethod(method)) {
    const required: string[] = [];
    if (METHODS_WITH_PRICE_WEIGHT.includes(method)) required.push('priceWeight');
    if (method === 'min-max-set') required.push('priceFloor', 'priceCeiling');
    if (method === 'fixed-price') required.push('fixedPrice');
    for (const key of required) {
      if (award[key] === undefined) report([key], `ontbreekt; verplicht bij methode "${method}"`);
    }
  }
  if (isMoney(priceFloor) && isMoney(priceCeiling) && eurosToCents(priceFloor) >= eurosToCents(priceCeiling)) {
    report(
      ['priceFloor'],
      `priceFloor (${formatEuroCents(eurosToCents(priceFloor))}) moet lager zijn dan priceCeiling (${formatEuroCents(eurosToCents(priceCeiling))})`,
    );
  }
}

/** Percentages are `0 < t < 100`; the outlier rule's threshold is a z-score bound; the cost floor has none. */
export function checkRuleSetting(setting: unknown, report: Report): void {
  if (!isRecord(setting) || setting['threshold'] === undefined) return;
  const { id, threshold } = setting;
  if (id === 'cost-floor') {
    report(['threshold'], 'cost-floor heeft geen drempel; laat threshold weg');
    return;
  }
  if (!isNumber(threshold) || typeof id !== 'string') return;
  if (id === 'statistical-outlier') {
    if (!(threshold > 0 && hasAtMostTwoDecimals(threshold))) {
      report(['threshold'], 'z-scoregrens moet groter dan 0 zijn met hoogstens 2 decimalen');
    }
  } else if (!(threshold > 0 && threshold < 100 && hasAtMostTwoDecimals(threshold))) {
    report(['threshold'], 'percentage moet groter dan 0 en kleiner dan 100 zijn met hoogstens 2 decimalen');
  }
}

/** One setting per rule, otherwise it is unclear which threshold applies. */
export function checkRuleList(rules: unknown, report: Report): void {
  if (!Array.isArray(rules)) return;
  const firstIndex = new Map<string, number>();
  rules.forEach((rule, i) => {
    if (!isRecord(rule) || typeof rule['id'] !== 'string') return;
    const first = firstIndex.get(rule['id']);
    if (first === undefined) firstIndex.set(rule['id'], i);
    else report([i, 'id'], `regel "${rule['id']}" staat al in rules[${first}]`);
  });
}

/** Art. 2.116: a decision is recorded with the state that it decides, and it is motivated. */
export function checkReview(review: unknown, report: Report): void {
  if (!isRecord(review)) return;
  const { state, decision, motivation } = review;
  if (state === 'accepted' || state === 'rejected') {
    if (decision !== state) report(['decision'], `moet "${state}" zijn bij state "${state}"`);
    if (typeof motivation !== 'string' || motivation.trim() === '') {
      report(['motivation'], `motivering ontbreekt; verplicht bij state "${state}"`);
    }
  } else if (decision !== undefined && typeof state === 'string') {
    report(['decision'], `een besluit hoort alleen bij state "accepted" of "rejected", niet bij "${state}"`);
  }
}

/** Price and price lines of one bid: the lines must add up to the price exactly, and to valid money. */
export function checkBidPriceLines(bid: unknown, report: Report): void {
  if (!isRecord(bid)) return;
  const total = priceLinesTotalCents(bid['priceLines']);
  if (total === null) return;
  const { price } = bid;
  if (price === undefined) {
    if (total < 1n || total > MAX_MONEY_CENTS) {
      report(['priceLines'], `de prijsregels tellen op tot ${formatEuroCents(Number(total))}; ${MONEY_MESSAGE}`);
    }
  } else if (isMoney(price) && BigInt(eurosToCents(price)) !== total) {
    report(['price'], `de prijsregels tellen op tot ${formatEuroCents(Number(total))}, niet tot de prijs ${formatEuroCents(eurosToCents(price))}`);
  }
}

/** Checks needing more than one part of the dossier: method and bids, criteria and scores. */
export function checkDossier(dossier: unknown, report: Report): void {
  if (!isRecord(dossier)) return;
  const award = dossier['award'];
  const method = isRecord(award) && isMethod(award['method']) ? award['method'] : undefined;
  const criteria = Array.isArray(dossier['criteria']) ? dossier['criteria'] : undefined;
  const bids = Array.isArray(dossier['bids']) ? dossier['bids'] : [];

  if (method === 'gunnen-op-waarde' && criteria) {
    criteria.forEach((c, i) => {
      if (isRecord(c) && c['value'] === undefined) report(['criteria', i, 'value'], 'ontbreekt; verplicht bij methode "gunnen-op-waarde"');
    });
  }

  // Scores are checked against what the criteria list allows; an unknown score is only
  // reported when every criterion has a readable id, else it may belong to a broken one.
  const scales = new Map<string, readonly number[] | undefined>();
  let allIdsKnown = criteria !== undefined;
  for (const c of criteria ?? []) {
    if (!isRecord(c) || typeof c['id'] !== 'string') {
      allIdsKnown = false;
      continue;
    }
    const scale = c['scale'];
    if (!scales.has(c['id'])) scales.set(c['id'], isValidScale(scale) ? scale : undefined);
  }

  bids.forEach((bid, i) => {
    if (!isRecord(bid)) return;
    if (method !== undefined && method !== 'fixed-price' && bid['price'] === undefined && bid['priceLines'] === undefined) {
      report(['bids', i, 'price'], 'prijs ontbreekt; geef price of priceLines');
    }
    const scores = bid['scores'];
    if (!isRecord(scores)) return;
    // A withdrawn bid leaves the ranking, so the scores it lacks are never needed
    // (docs/corrections.md); the scores it has must still be on the scale.
    const withdrawn = bid['withdrawal'] !== undefined;
    for (const [id, scale] of scales) {
      const score = scores[id];
      if (score === undefined) {
        if (!withdrawn) report(['bids', i, 'scores', id], 'score ontbreekt');
      } else if (scale && isNumber(score) && !scale.includes(score)) {
        report(['bids', i, 'scores', id], `score ${formatNumberNl(score)} komt niet voor op de schaal ${formatScale(scale)}`);
      }
    }
    if (!allIdsKnown) return;
    for (const id of Object.keys(scores)) {
      if (!scales.has(id)) report(['bids', i, 'scores', id], `onbekend criterium "${id}"`);
    }
  });
}
