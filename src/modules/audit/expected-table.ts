/**
 * @module
 * What the audit trail says one table holds, row by row: the columns an event told (the
 * others are not checked) and the newest event that told them. Rows are grouped by a scope
 * (the tender, the user, the organisation they belong to) so that an event can replace all
 * of a tender's criteria at once, and so that rows of a scope the trail does not fully
 * describe (an event written before it carried whole rows) are not reported as unexplained.
 */

/**
 * A row as the trail describes it: `fields` by column key as in the table's select type,
 * `told` the event that told each field last, `seq` the newest event about the row, `scope`
 * the tender (user, organisation) it belongs to.
 */
export type ExpectedRow = {
  key: Record<string, unknown>;
  scope: string;
  fields: Record<string, unknown>;
  told: Record<string, number>;
  seq: number;
};

export type ExpectedTable = {
  readonly keyColumns: readonly string[];
  readonly rows: Map<string, ExpectedRow>;
  /** Scopes whose rows may exist without an event that describes them. */
  readonly openScopes: Set<string>;
  scopeOf(key: Record<string, unknown>): string;
  keyOf(row: Record<string, unknown>): string;
  /** The row is exactly `fields` (as far as told) from event `seq` on. */
  put(key: Record<string, unknown>, fields: Record<string, unknown>, seq: number): void;
  /** Some columns changed (`undefined`: to a value the event does not tell). */
  merge(key: Record<string, unknown>, fields: Record<string, unknown>, seq: number): void;
  /** The scope's rows are exactly `rows` (keys included) from event `seq` on: the others are gone. */
  replaceScope(scope: string, rows: readonly Record<string, unknown>[], seq: number): void;
  /** The scope's rows whose key `match`es are gone (a deleted bid's lines, scores, corrections). */
  removeWhere(scope: string, match: (key: Record<string, unknown>) => boolean): void;
  rowsOfScope(scope: string): ExpectedRow[];
};

/**
 * `untold` lists the columns no event tells (bookkeeping times written with a clock reading
 * of their own, secrets): they are dropped from every row, so never checked. A field whose
 * value is `undefined` is one the event does not tell: `put` leaves it out, `merge` forgets
 * what an earlier event said of it.
 * @example const bids = createExpectedTable({ keyColumns: ['tenderId', 'id'], scopeOf: (key) => String(key.tenderId), untold: ['createdAt'] });
 */
export function createExpectedTable({
  keyColumns,
  scopeOf,
  untold = [],
}: {
  keyColumns: readonly string[];
  scopeOf: (key: Record<string, unknown>) => string;
  untold?: readonly string[];
}): ExpectedTable {
  const rows = new Map<string, ExpectedRow>();
  const byScope = new Map<string, Set<string>>();
  const keyOf = (row: Record<string, unknown>) => keyColumns.map((column) => String(row[column])).join('\u0000');
  const pick = (row: Record<string, unknown>) => Object.fromEntries(keyColumns.map((column) => [column, row[column]]));
  const remember = (id: string, scope: string) => {
    const members = byScope.get(scope) ?? new Set<string>();
    members.add(id);
    byScope.set(scope, members);
  };
  const told = (fields: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(fields).filter(([column, value]) => value !== undefined && !keyColumns.includes(column) && !untold.includes(column)));
  const put = (key: Record<string, unknown>, fields: Record<string, unknown>, seq: number) => {
    const id = keyOf(key);
    const known = told(fields);
    const scope = scopeOf(key);
    rows.set(id, { key: pick(key), scope, fields: known, told: Object.fromEntries(Object.keys(known).map((column) => [column, seq])), seq });
    remember(id, scope);
  };
  return {
    keyColumns,
    rows,
    openScopes: new Set<string>(),
    scopeOf,
    keyOf,
    put,
    merge(key, fields, seq) {
      const id = keyOf(key);
      const current = rows.get(id);
      if (current === undefined) {
        put(key, fields, seq);
        return;
      }
      for (const [column, value] of Object.entries(fields)) {
        if (value === undefined) {
          delete current.fields[column];
          delete current.told[column];
        } else if (!untold.includes(column) && !keyColumns.includes(column)) {
          current.fields[column] = value;
          current.told[column] = seq;
        }
      }
      current.seq = seq;
    },
    replaceScope(scope, list, seq) {
      for (const id of byScope.get(scope) ?? []) rows.delete(id);
      byScope.delete(scope);
      for (const row of list) put(row, row, seq);
    },
    removeWhere(scope, match) {
      const members = byScope.get(scope) ?? new Set<string>();
      for (const id of [...members]) {
        const row = rows.get(id);
        if (row !== undefined && match(row.key)) {
          rows.delete(id);
          members.delete(id);
        }
      }
    },
    rowsOfScope(scope) {
      return [...(byScope.get(scope) ?? [])].flatMap((id) => rows.get(id) ?? []);
    },
  };
}
