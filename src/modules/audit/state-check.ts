/**
 * @module
 * Compares the state tables with what the audit trail says they hold (`state-replay.ts`),
 * one pass per table in primary-key order, and names the first row that differs: a column
 * whose value is not the newest event's, a row no event accounts for, or a row an event
 * created that is gone. Only names and keys are reported, never values: the check is open to
 * every inkoper and auditor, and a value could be a price or a sealed score of a tender that
 * is not theirs.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../db/schema/index.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { sha256Hex } from '../../lib/secrets.js';
import type { StateTableReaders } from './audit.queries.js';
import type { AwardDecisionExpectation, ExpectedState, StateTableName } from './state-replay.js';

export type StateMismatch = {
  /** The SQL table, e.g. `bids`. */
  table: string;
  /** The row's primary key, by SQL column name. */
  key: Record<string, string | number | null>;
  /** The SQL column that differs; null when the whole row is unexplained or missing. */
  column: string | null;
  /** `different`: a value is not the event's; `no-event`: no event accounts for the row; `missing`: an event's row is gone. */
  problem: 'different' | 'no-event' | 'missing';
  /** The event that told the differing column last, or (for a missing row) the newest event about the row; null for a row no event describes. */
  seq: number | null;
};

export type StateCheck = {
  /** Rows compared with their events. */
  rows: number;
  /** Rows not compared: of a tender or entity with an action this version does not replay, or older events that did not describe them. */
  unchecked: number;
  unknownActions: string[];
  mismatch: StateMismatch | null;
};

type Comparator = (expected: unknown, actual: unknown) => boolean;

function sameJsonText(expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null) return expected === actual;
  try {
    return canonicalJson(JSON.parse(String(expected))) === canonicalJson(JSON.parse(String(actual)));
  } catch {
    return false;
  }
}

/** The stored decision is the one the event hashed (newer events), or at least names the event's winner. */
function sameAwardDecision(expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null) return expected === actual;
  const { winner, sha256 } = expected as AwardDecisionExpectation;
  if (sha256 !== undefined) return sha256Hex(String(actual)) === sha256;
  try {
    return winner === undefined || (JSON.parse(String(actual)) as { winner?: unknown }).winner === winner;
  } catch {
    return false;
  }
}

/** The first officer's price entry is the one its event hashed (the event never holds the figures). */
function samePriceEntry(expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null) return expected === actual;
  return sha256Hex(String(actual)) === (expected as { sha256: string }).sha256;
}

type TableSpec = {
  name: StateTableName;
  table: SQLiteTable;
  /** Columns compared otherwise than by `===`. */
  comparators?: Record<string, Comparator>;
  /** A check of the row against itself, for a column that must agree with another (`reports.bytes`). */
  selfCheck?: (row: Record<string, unknown>) => string | null;
};

/** In this order; the first difference found is the one reported. */
const TABLES: TableSpec[] = [
  { name: 'organisations', table: schema.organisations },
  { name: 'regionMembers', table: schema.regionMembers },
  { name: 'users', table: schema.users },
  { name: 'memberships', table: schema.memberships },
  { name: 'providers', table: schema.providers },
  { name: 'procedures', table: schema.procedures, comparators: { awardLimit: sameJsonText, preferences: sameJsonText } },
  {
    name: 'tenders',
    table: schema.tenders,
    comparators: { tieBreak: sameJsonText, lowBidRules: sameJsonText, awardDecision: sameAwardDecision, priceEntry: samePriceEntry },
  },
  { name: 'criteria', table: schema.criteria, comparators: { scale: sameJsonText, levels: sameJsonText } },
  { name: 'bids', table: schema.bids, comparators: { lowBidReview: sameJsonText } },
  { name: 'bidPriceLines', table: schema.bidPriceLines },
  { name: 'bidCorrections', table: schema.bidCorrections, comparators: { before: sameJsonText, after: sameJsonText } },
  { name: 'consensusScores', table: schema.consensusScores },
  { name: 'panelMembers', table: schema.panelMembers },
  { name: 'individualScores', table: schema.individualScores },
  {
    name: 'reports',
    table: schema.reports,
    // The bytes are the signed PDF the event's sha256 names: swapping the file is a change too.
    selfCheck: (row) => (sha256Hex(row.bytes as Buffer) === row.sha256 ? null : 'bytes'),
  },
  {
    name: 'bidDocuments',
    table: schema.bidDocuments,
    // The reader hashes the document's chunks (`contentSha256`): a swapped file is a change too.
    selfCheck: (row) => (row.contentSha256 === row.sha256 ? null : 'sha256'),
  },
];

const equal: Comparator = (expected, actual) => expected === actual;

function sqlKey(columns: Record<string, SQLiteColumn>, key: Record<string, unknown>): Record<string, string | number | null> {
  return Object.fromEntries(
    Object.entries(key).map(([field, value]) => [columns[field]?.name ?? field, typeof value === 'number' || value === null ? value : String(value)]),
  );
}

/**
 * One pass per table; stops at the first mismatch.
 * @example checkState(replay.state(), ctx.queries.audit.stateTables).mismatch // { table: 'bids', key: { tender_id, id: 'B2' }, column: 'price_cents', ... }
 */
export function checkState(expected: ExpectedState, readers: StateTableReaders): StateCheck {
  let rows = 0;
  let unchecked = 0;
  const result = (mismatch: StateMismatch | null): StateCheck => ({ rows, unchecked, unknownActions: [...expected.unknownActions].sort(), mismatch });
  for (const spec of TABLES) {
    const table = expected.tables[spec.name];
    const columns = getTableColumns(spec.table) as Record<string, SQLiteColumn>;
    const name = getTableName(spec.table);
    for (const row of readers[spec.name]() as IterableIterator<Record<string, unknown>>) {
      const scope = table.scopeOf(row);
      const id = table.keyOf(row);
      const wanted = table.rows.get(id);
      table.rows.delete(id);
      if (expected.uncheckedScopes.has(scope) || (wanted === undefined && table.openScopes.has(scope))) {
        unchecked += 1;
        continue;
      }
      const key = sqlKey(columns, Object.fromEntries(table.keyColumns.map((column) => [column, row[column]])));
      if (wanted === undefined) return result({ table: name, key, column: null, problem: 'no-event', seq: null });
      rows += 1;
      for (const [field, value] of Object.entries(wanted.fields)) {
        const same = spec.comparators?.[field] ?? equal;
        if (!same(value, row[field])) {
          return result({ table: name, key, column: columns[field]?.name ?? field, problem: 'different', seq: wanted.told[field] ?? wanted.seq });
        }
      }
      const broken = spec.selfCheck?.(row) ?? null;
      if (broken !== null)
        return result({ table: name, key, column: columns[broken]?.name ?? broken, problem: 'different', seq: wanted.told.sha256 ?? wanted.seq });
    }
    // What is left was created by an event and is not in the table.
    for (const missing of table.rows.values()) {
      if (expected.uncheckedScopes.has(missing.scope)) continue;
      return result({ table: name, key: sqlKey(columns, missing.key), column: null, problem: 'missing', seq: missing.seq });
    }
  }
  return result(null);
}

/**
 * The mismatch in a sentence, for the audit page and the API's readers.
 * @example describeStateMismatch({ table: 'bids', key: { tender_id: 't1', id: 'B2' }, column: 'price_cents', problem: 'different', seq: 12 })
 * // 'Tabel bids, rij tender_id=t1, id=B2: kolom price_cents wijkt af van wat gebeurtenis 12 vastlegde.'
 */
export function describeStateMismatch(mismatch: StateMismatch): string {
  const row = `Tabel ${mismatch.table}, rij ${Object.entries(mismatch.key)
    .map(([column, value]) => `${column}=${String(value)}`)
    .join(', ')}`;
  switch (mismatch.problem) {
    case 'different':
      return `${row}: kolom ${mismatch.column ?? '?'} wijkt af van wat gebeurtenis ${mismatch.seq ?? '?'} vastlegde.`;
    case 'no-event':
      return `${row}: geen gebeurtenis in de auditketen verklaart deze rij.`;
    case 'missing':
      return `${row}: de rij die gebeurtenis ${mismatch.seq ?? '?'} vastlegde, ontbreekt.`;
  }
}
