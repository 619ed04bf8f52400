/**
 * @module
 * Field-by-field differences between two JSON values, deep, with paths in the dossier's
 * notation (`bids[2].score`, `sensitivity.priceToWin.B3`). Numbers are compared exactly:
 * both sides are JSON-parsed values, and a recomputation that is right gives the very same
 * doubles. Arrays are compared by position; a side that lacks an element or key has no
 * `stored` or `recomputed` in its difference.
 */
import { formatFieldPath } from './field-path.js';

export type JsonDifference = { path: string; stored?: unknown; recomputed?: unknown };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function walk(stored: unknown, recomputed: unknown, path: PropertyKey[], out: JsonDifference[]): void {
  if (Array.isArray(stored) && Array.isArray(recomputed)) {
    const length = Math.max(stored.length, recomputed.length);
    for (let i = 0; i < length; i++) {
      if (i >= stored.length) out.push({ path: formatFieldPath([...path, i]), recomputed: recomputed[i] });
      else if (i >= recomputed.length) out.push({ path: formatFieldPath([...path, i]), stored: stored[i] });
      else walk(stored[i], recomputed[i], [...path, i], out);
    }
    return;
  }
  if (isObject(stored) && isObject(recomputed)) {
    const keys = [...new Set([...Object.keys(stored), ...Object.keys(recomputed)])];
    for (const key of keys) {
      const inStored = Object.hasOwn(stored, key);
      const inRecomputed = Object.hasOwn(recomputed, key);
      if (!inStored) out.push({ path: formatFieldPath([...path, key]), recomputed: recomputed[key] });
      else if (!inRecomputed) out.push({ path: formatFieldPath([...path, key]), stored: stored[key] });
      else walk(stored[key], recomputed[key], [...path, key], out);
    }
    return;
  }
  if (!Object.is(stored, recomputed)) out.push({ path: formatFieldPath(path), stored, recomputed });
}

/**
 * @example diffJson({ winner: 'B1', bids: [{ score: 80 }] }, { winner: 'B2', bids: [{ score: 80 }] })
 * // [{ path: 'winner', stored: 'B1', recomputed: 'B2' }]
 */
export function diffJson(stored: unknown, recomputed: unknown): JsonDifference[] {
  const out: JsonDifference[] = [];
  walk(stored, recomputed, [], out);
  return out;
}
