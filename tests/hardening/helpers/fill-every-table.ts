/**
 * @module
 * Fills every table of a SQLite database with a few rows, whatever the schema: the tables
 * are read from `sqlite_master`, parents are filled before children, foreign keys point at
 * real parent rows (composite keys that share a column, like `(tender_id, bid_id)` and
 * `(tender_id, criterion_id)`, agree), primary keys and unique indexes stay unique. So an
 * upgrade test covers a table that a future migration adds without anyone listing it.
 *
 * Values are plain (`table.column#1`, 1, 1.5) except where a column holds JSON that a
 * migration might parse (`JSON_COLUMNS`), and `audit_events`, which gets a valid hash chain
 * so that the test can also show a migration never touches the audit log.
 */
import type Database from 'better-sqlite3';
import { computeEventHash, GENESIS_HASH } from '../../../src/modules/audit/audit-chain.js';

type Column = { name: string; type: string; notnull: number; pk: number };
type ForeignKey = { id: number; table: string; from: string; to: string | null };
type Row = Record<string, unknown>;

/** Columns that hold JSON, with a realistic value, so that a data migration can parse them. */
const JSON_COLUMNS: Record<string, (i: number) => unknown> = {
  'tenders.tie_break': () => JSON.stringify(['quality', 'lot']),
  'tenders.low_bid_rules': () => JSON.stringify({ preset: 'nl-default' }),
  'tenders.award_decision': (i) => JSON.stringify({ winner: `B${i + 1}`, decidedBy: 'u1' }),
  'criteria.scale': () => JSON.stringify([0, 2, 4, 6, 8, 10]),
  'criteria.levels': () => JSON.stringify([{ score: 0, meaning: 'onvoldoende' }]),
  'bids.low_bid_review': () => JSON.stringify({ state: 'explanation-requested', deadline: '2026-03-16', questions: 'Hoe?' }),
  'audit_events.change': (i) => JSON.stringify({ after: { n: i } }),
};

export const ROWS_PER_TABLE = 3;

/** The user tables of the database (not SQLite's, not drizzle's bookkeeping). */
export function listTables(sqlite: Database.Database): string[] {
  return (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

function foreignKeysOf(sqlite: Database.Database, table: string): ForeignKey[][] {
  const rows = sqlite.pragma(`foreign_key_list("${table}")`) as ForeignKey[];
  const byId = new Map<number, ForeignKey[]>();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  return [...byId.values()];
}

/** Parents before children; a table that references itself is allowed (its key may be null). */
function inDependencyOrder(sqlite: Database.Database, tables: string[]): string[] {
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const fk of foreignKeysOf(sqlite, table)) {
      const parent = fk[0]!.table;
      if (parent !== table && tables.includes(parent)) visit(parent);
    }
    visiting.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/** The column sets that must be unique: the primary key and every unique index. */
function uniqueColumnSets(sqlite: Database.Database, table: string, columns: Column[]): string[][] {
  const sets: string[][] = [];
  const pk = columns
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  if (pk.length > 0) sets.push(pk);
  for (const index of sqlite.pragma(`index_list("${table}")`) as { name: string; unique: number }[]) {
    if (index.unique !== 1) continue;
    sets.push((sqlite.pragma(`index_info("${index.name}")`) as { name: string }[]).map((c) => c.name));
  }
  return sets;
}

function plainValue(table: string, column: Column, i: number): unknown {
  const json = JSON_COLUMNS[`${table}.${column.name}`];
  if (json !== undefined) return json(i);
  const type = column.type.toUpperCase();
  if (type.includes('INT')) return i + 1;
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return 1.5 + i;
  if (type.includes('BLOB')) return Buffer.from(`${table}.${column.name}#${i}`);
  if (type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT') || type === '') return `${table}.${column.name}#${i}`;
  return i + 1; // NUMERIC affinity
}

/** Gives `audit_events` a valid chain over the values the filler chose. */
function chainAuditEvents(rows: Row[]): void {
  let prevHash = GENESIS_HASH;
  rows.forEach((row, i) => {
    row.seq = i + 1;
    const content = {
      seq: i + 1,
      at: String(row.at),
      actorUserId: (row.actor_user_id ?? null) as string | null,
      organisationId: (row.organisation_id ?? null) as string | null,
      action: String(row.action),
      entityType: String(row.entity_type),
      entityId: String(row.entity_id),
      tenderId: (row.tender_id ?? null) as string | null,
      change: JSON.parse(String(row.change)) as unknown,
    };
    row.prev_hash = prevHash;
    row.hash = computeEventHash(prevHash, content);
    prevHash = row.hash as string;
  });
}

/**
 * Inserts `ROWS_PER_TABLE` rows into every table. Throws, naming the table, when it cannot:
 * a schema this does not understand must be taught here, not skipped.
 * @example fillEveryTable(sqlite) // { organisations: 3, users: 3, ... }
 */
export function fillEveryTable(sqlite: Database.Database): Record<string, number> {
  const tables = inDependencyOrder(sqlite, listTables(sqlite));
  const inserted: Record<string, Row[]> = {};
  for (const table of tables) {
    const columns = sqlite.pragma(`table_info("${table}")`) as Column[];
    const foreignKeys = foreignKeysOf(sqlite, table);
    const uniques = uniqueColumnSets(sqlite, table, columns);
    const rows: Row[] = [];
    for (let i = 0; i < ROWS_PER_TABLE; i += 1) {
      let row: Row | undefined;
      for (let attempt = 0; attempt < 60 && row === undefined; attempt += 1) {
        const candidate: Row = {};
        for (const column of columns) candidate[column.name] = plainValue(table, column, i + attempt * ROWS_PER_TABLE);
        let consistent = true;
        for (const fk of foreignKeys) {
          const parentTable = fk[0]!.table;
          const parents = parentTable === table ? [] : (inserted[parentTable] ?? []);
          const parentColumns = fk.map((part) => part.to ?? part.from);
          // Columns already set by an earlier foreign key of this row must agree.
          const fixed = new Set(
            foreignKeys
              .slice(0, foreignKeys.indexOf(fk))
              .flat()
              .map((p) => p.from),
          );
          const matching = parents.filter((parent) => fk.every((part, k) => !fixed.has(part.from) || candidate[part.from] === parent[parentColumns[k]!]));
          if (matching.length === 0) {
            if (fk.every((part) => columns.find((c) => c.name === part.from)?.notnull === 0)) {
              for (const part of fk) candidate[part.from] = null;
              continue;
            }
            consistent = false;
            break;
          }
          const parent = matching[(i + attempt) % matching.length]!;
          fk.forEach((part, k) => {
            candidate[part.from] = parent[parentColumns[k]!];
          });
        }
        const clashes = uniques.some((set) => rows.some((other) => set.every((c) => other[c] === candidate[c])));
        if (consistent && !clashes) row = candidate;
      }
      if (row === undefined) throw new Error(`fillEveryTable: cannot make row ${i + 1} of ${table}; teach the filler this schema`);
      rows.push(row);
    }
    if (table === 'audit_events') chainAuditEvents(rows);
    const names = columns.map((c) => c.name);
    const insert = sqlite.prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    for (const row of rows) {
      try {
        insert.run(...names.map((n) => row[n]));
      } catch (error) {
        throw new Error(`fillEveryTable: ${table}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    inserted[table] = rows;
  }
  return Object.fromEntries(tables.map((t) => [t, inserted[t]?.length ?? 0]));
}
