/**
 * @module
 * A school's order of preference over the lots it bid on, for the `bidder-preference` rule.
 * The lots the school names in `preferences` come first, in its order. Lots it does not name
 * (or all of them, when it stated no preference) follow by the school's own rank in each lot,
 * best first, and at equal rank in the order of the lots in the file (docs/procedures.md):
 * without a word from the school, it keeps the lots where it ranks best, which gives each
 * released lot to the bid ranked next in a lot where the school was weaker anyway.
 */
import type { LotStanding } from './lot-standing.js';

/** Per KvK number, per lot id: a sort key, lower is preferred. */
export type PreferenceKeys = Map<string, Map<string, readonly [number, number, number]>>;

export function preferenceKeys(standings: readonly LotStanding[], preferences: Readonly<Record<string, readonly string[]>>): PreferenceKeys {
  const keys: PreferenceKeys = new Map();
  standings.forEach((standing, fileIndex) => {
    for (const group of standing.groups) {
      for (const bid of group) {
        const stated = Object.hasOwn(preferences, bid.kvk) ? (preferences[bid.kvk] ?? []) : [];
        const position = stated.indexOf(standing.lotId);
        const key = position >= 0 ? ([0, position, 0] as const) : ([1, bid.rank, fileIndex] as const);
        let perLot = keys.get(bid.kvk);
        if (perLot === undefined) {
          perLot = new Map();
          keys.set(bid.kvk, perLot);
        }
        perLot.set(standing.lotId, key);
      }
    }
  });
  return keys;
}

export function comparePreference(a: readonly [number, number, number], b: readonly [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
