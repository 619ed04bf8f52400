/**
 * @module
 * The template checks that a field-by-field schema cannot express. A template is the starting
 * point of many tenders, so it must be more complete than a dossier: every score on every
 * scale says what it means (evaluators in different gemeenten then score against the same
 * yardstick), and every number that is an assumption names its source, so that an officer
 * sees which defaults to replace with their own figures (the specification's `domain.md`, "What is
 * known about costs"). Like dossier-rules.ts the checks read the value defensively, so that
 * they also run, and report, when other parts of the template are malformed.
 */
import { formatNumberNl, formatScale, type Report } from '../evaluation/dossier-rules.js';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The cost-floor parameters are the buyer's assumptions by definition (`low-bids.md`). */
export const COST_FLOOR_FIELDS = ['contactHours', 'teacherHourlyCost', 'groupSize', 'overheadShare', 'fixedCostPerLearner'] as const;

const FIELD_PATH = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+|\[\d+\])*$/;

/**
 * The segments of a path in the dossier notation, or null when it is not one.
 * @example parseFieldPath('criteria[0].minimum') // ['criteria', 0, 'minimum']
 */
export function parseFieldPath(path: string): (string | number)[] | null {
  if (!FIELD_PATH.test(path)) return null;
  return (path.match(/[A-Za-z0-9_-]+|\[\d+\]/g) ?? []).map((token) => (token.startsWith('[') ? Number(token.slice(1, -1)) : token));
}

/** The value at a path, or undefined when the path leads nowhere. */
export function readFieldPath(root: unknown, path: string): unknown {
  const segments = parseFieldPath(path);
  if (segments === null) return undefined;
  let node: unknown = root;
  for (const segment of segments) {
    if (typeof segment === 'number') node = Array.isArray(node) ? node[segment] : undefined;
    else node = isRecord(node) ? node[segment] : undefined;
  }
  return node;
}

/** Every value of the scale has exactly one meaning (duplicates are reported by the dossier check). */
export function checkLevelsComplete(criteria: unknown, report: Report): void {
  if (!Array.isArray(criteria)) return;
  criteria.forEach((criterion, i) => {
    if (!isRecord(criterion)) return;
    const { scale, levels } = criterion;
    if (!Array.isArray(scale) || !scale.every(isNumber)) return;
    if (levels === undefined) {
      report([i, 'levels'], `beschrijf wat elke score betekent (schaal ${formatScale(scale)})`);
      return;
    }
    if (!Array.isArray(levels)) return;
    const described = new Set(levels.filter(isRecord).map((level) => level['score']));
    const missing = scale.filter((score) => !described.has(score));
    if (missing.length > 0) {
      report([i, 'levels'], `de betekenis ontbreekt voor score ${formatScale(missing)}`);
    }
  });
}

/**
 * Each assumption names a number that is in the template, with the same value (so the list
 * cannot drift from the defaults it explains), each number at most once; and every
 * cost-floor parameter is named.
 */
export function checkAssumptions(template: unknown, report: Report): void {
  if (!isRecord(template)) return;
  const { assumptions } = template;
  if (!Array.isArray(assumptions)) return;
  const firstIndex = new Map<string, number>();
  assumptions.forEach((assumption, i) => {
    if (!isRecord(assumption) || typeof assumption['path'] !== 'string') return;
    const { path, value } = assumption;
    const first = firstIndex.get(path);
    if (first !== undefined) {
      report(['assumptions', i, 'path'], `"${path}" staat al in assumptions[${first}]`);
      return;
    }
    firstIndex.set(path, i);
    if (parseFieldPath(path) === null) {
      report(['assumptions', i, 'path'], `"${path}" is geen pad in de vorm lowBidRules.costFloor.groupSize`);
      return;
    }
    const actual = readFieldPath(template, path);
    if (!isNumber(actual)) {
      report(['assumptions', i, 'path'], `"${path}" wijst niet naar een getal in deze template`);
    } else if (isNumber(value) && value !== actual) {
      report(['assumptions', i, 'value'], `${formatNumberNl(value)} wijkt af van de waarde ${formatNumberNl(actual)} op ${path}`);
    }
  });

  const lowBidRules = template['lowBidRules'];
  const costFloor = isRecord(lowBidRules) ? lowBidRules['costFloor'] : undefined;
  if (!isRecord(costFloor)) return;
  for (const field of COST_FLOOR_FIELDS) {
    const path = `lowBidRules.costFloor.${field}`;
    if (costFloor[field] !== undefined && !firstIndex.has(path)) {
      report(['lowBidRules', 'costFloor', field], `is een aanname: noem dit getal met zijn bron in assumptions ("${path}")`);
    }
  }
}
