/**
 * Upgrades keep every row. For each migration N in `migrations/meta/_journal.json`: a
 * database is built with migrations 0..N-1 and every table that exists then is filled;
 * migration N is applied the way the server applies it at start (foreign keys ON, all
 * pending migrations in one transaction); then `foreign_key_check` must be clean, every
 * table must have the rows (same primary keys, same values in the columns it had) it had
 * before, and the audit chain must still verify.
 *
 * Why: a SQLite table rebuild (create new, copy, `DROP TABLE` old, rename) with foreign
 * keys ON turns the `DROP` into a `DELETE` that cascades into child tables; drizzle-kit's
 * `PRAGMA foreign_keys=OFF` does nothing inside the migration transaction. The last test
 * shows this check catching exactly that.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from '../../src/db/client.js';
import { checkConnection } from '../../scripts/database-check.js';
import { fillEveryTable, listTables, ROWS_PER_TABLE } from './helpers/fill-every-table.js';

type JournalEntry = { idx: number; when: number; tag: string; version: string; breakpoints: boolean };
type Journal = { version: string; dialect: string; entries: JournalEntry[] };

/**
 * Migrations that rewrite stored values on purpose, as `table.column`: their change is
 * expected. Everything else must come out of every migration exactly as it went in.
 */
const MIGRATIONS_THAT_REWRITE_VALUES: Record<string, string[]> = {};
/** Tables a migration drops on purpose (their rows are meant to go). */
const MIGRATIONS_THAT_DROP_TABLES: Record<string, string[]> = {};

const root = mkdtempSync(join(tmpdir(), 'gw-upgrade-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;

/** A migrations folder holding the first `count` migrations of `from` (plus `extra` files). */
function migrationsUpTo(name: string, entries: JournalEntry[], from = MIGRATIONS_FOLDER, extra: Record<string, string> = {}): string {
  const folder = join(root, name);
  mkdirSync(join(folder, 'meta'), { recursive: true });
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries) {
    if (extra[tag] !== undefined) writeFileSync(join(folder, `${tag}.sql`), extra[tag]);
    else copyFileSync(join(from, `${tag}.sql`), join(folder, `${tag}.sql`));
  }
  return folder;
}

/** Applies migrations as `openDatabase` does: WAL, synchronous=FULL, foreign keys ON, then drizzle's migrator. */
function migrateAsTheServerDoes(path: string, migrationsFolder: string): void {
  const sqlite = new Database(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    migrate(drizzle(sqlite), { migrationsFolder });
  } finally {
    sqlite.close();
  }
}

type Snapshot = Record<string, { columns: string[]; rows: Record<string, unknown>[] }>;

function snapshot(sqlite: Database.Database): Snapshot {
  const result: Snapshot = {};
  for (const table of listTables(sqlite)) {
    const columns = (sqlite.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
    result[table] = { columns, rows: sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[] };
  }
  return result;
}

function primaryKeyOf(sqlite: Database.Database, table: string): string[] {
  const columns = sqlite.pragma(`table_info("${table}")`) as { name: string; pk: number }[];
  const pk = columns
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  return pk.length > 0 ? pk : columns.map((c) => c.name);
}

type UpgradeReport = {
  filled: Record<string, number>;
  lostRows: Record<string, number>;
  changedValues: string[];
  droppedTables: string[];
  foreignKeyViolations: number;
  integrity: string;
  chainValid: boolean;
};

/**
 * Builds a database with `before`, fills it, runs `apply` on its path, and compares. Rows
 * are matched by primary key; values are compared in the columns the table had before.
 */
function upgradeAndCompare(name: string, before: string, apply: (path: string) => void, rewrites: string[] = []): UpgradeReport {
  const path = join(root, `${name}.db`);
  migrateAsTheServerDoes(path, before);
  const old = new Database(path);
  const filled = fillEveryTable(old);
  const beforeSnapshot = snapshot(old);
  const keys = Object.fromEntries(Object.keys(beforeSnapshot).map((t) => [t, primaryKeyOf(old, t)]));
  old.close();

  apply(path);

  const upgraded = new Database(path);
  try {
    const afterSnapshot = snapshot(upgraded);
    const check = checkConnection(upgraded);
    const lostRows: Record<string, number> = {};
    const changedValues: string[] = [];
    const droppedTables: string[] = [];
    for (const [table, { columns, rows }] of Object.entries(beforeSnapshot)) {
      const after = afterSnapshot[table];
      if (after === undefined) {
        droppedTables.push(table);
        continue;
      }
      const keyOf = (row: Record<string, unknown>) => JSON.stringify(keys[table]!.map((c) => row[c]));
      const afterByKey = new Map(after.rows.map((row) => [keyOf(row), row]));
      let lost = 0;
      for (const row of rows) {
        const now = afterByKey.get(keyOf(row));
        if (now === undefined) {
          lost += 1;
          continue;
        }
        for (const column of columns) {
          if (!after.columns.includes(column) || rewrites.includes(`${table}.${column}`)) continue;
          if (JSON.stringify(now[column]) !== JSON.stringify(row[column])) changedValues.push(`${table}.${column} of ${keyOf(row)}`);
        }
      }
      if (lost > 0 || after.rows.length < rows.length) lostRows[table] = Math.max(lost, rows.length - after.rows.length);
    }
    return {
      filled,
      lostRows,
      changedValues,
      droppedTables,
      foreignKeyViolations: check.foreignKeyViolations,
      integrity: check.integrity,
      chainValid: check.chain.valid,
    };
  } finally {
    upgraded.close();
  }
}

describe('upgrading from each previous schema version', () => {
  it('knows the migrations', () => {
    expect(journal.entries.length).toBeGreaterThanOrEqual(2);
    expect(journal.entries.map((e) => e.idx)).toEqual(journal.entries.map((_, i) => i));
  });

  for (const [n, entry] of journal.entries.entries()) {
    if (n === 0) continue;
    const isLast = n === journal.entries.length - 1;
    it(`${entry.tag} keeps every row of a full database made by ${journal.entries[n - 1]!.tag}`, () => {
      const before = migrationsUpTo(`upto-${n - 1}`, journal.entries.slice(0, n));
      // The newest step runs through openDatabase itself: the code path of a real start.
      const apply = isLast
        ? (path: string) => openDatabase({ path }).close()
        : (path: string) => migrateAsTheServerDoes(path, migrationsUpTo(`upto-${n}`, journal.entries.slice(0, n + 1)));
      const report = upgradeAndCompare(`step-${n}`, before, apply, MIGRATIONS_THAT_REWRITE_VALUES[entry.tag] ?? []);
      expect(Object.values(report.filled).every((count) => count === ROWS_PER_TABLE)).toBe(true);
      expect(report).toMatchObject({
        lostRows: {},
        changedValues: [],
        droppedTables: MIGRATIONS_THAT_DROP_TABLES[entry.tag] ?? [],
        foreignKeyViolations: 0,
        integrity: 'ok',
        chainValid: true,
      });
    });
  }

  it('applies every migration at once to a full database of the first version', () => {
    const report = upgradeAndCompare('all-at-once', migrationsUpTo('first-only', journal.entries.slice(0, 1)), (path) => openDatabase({ path }).close());
    expect(report).toMatchObject({ lostRows: {}, changedValues: [], foreignKeyViolations: 0, integrity: 'ok', chainValid: true });
  });

  it('catches a table rebuild that cascade-deletes child rows', () => {
    // What drizzle-kit generates to change a column of `tenders`; its PRAGMA is a no-op in the migration transaction.
    const createTenders = /CREATE TABLE `tenders` \([\s\S]*?\n\);/.exec(readFileSync(join(MIGRATIONS_FOLDER, `${journal.entries[0]!.tag}.sql`), 'utf8'))?.[0];
    expect(createTenders).toBeDefined();
    const rebuild = [
      'PRAGMA foreign_keys=OFF;',
      createTenders!.replace('CREATE TABLE `tenders`', 'CREATE TABLE `__new_tenders`'),
      'INSERT INTO `__new_tenders` SELECT * FROM `tenders`;',
      'DROP TABLE `tenders`;',
      'ALTER TABLE `__new_tenders` RENAME TO `tenders`;',
      'PRAGMA foreign_keys=ON;',
    ].join('--> statement-breakpoint\n');
    const first = journal.entries[0]!;
    const rebuildEntry = { ...first, idx: 1, when: first.when + 1, tag: '0001_rebuild_tenders' };
    const before = migrationsUpTo('rebuild-before', [first]);
    const after = migrationsUpTo('rebuild-after', [first, rebuildEntry], MIGRATIONS_FOLDER, { [rebuildEntry.tag]: rebuild });
    const report = upgradeAndCompare('rebuild', before, (path) => migrateAsTheServerDoes(path, after));
    expect(Object.keys(report.lostRows)).toEqual(expect.arrayContaining(['bids', 'criteria', 'consensus_scores']));
  });
});
