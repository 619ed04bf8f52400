/**
 * @module
 * Helpers for statements prepared once, in `*.queries.ts`. A drizzle query built per call
 * pays for building its SQL and for SQLite compiling it, every time; on the request paths
 * that is most of the cost of a small query. Prepared with placeholders, only the values
 * change.
 */
import type Database from 'better-sqlite3';
import { getTableColumns, sql, type InferSelectModel, type Placeholder, type SQL } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Orm } from './client.js';

/**
 * An INSERT of whole rows of `table`, prepared once: every column is a placeholder named
 * after its key, so the row must name every column (null for absent).
 * @example const insertBid = prepareInsert(orm, bids); insertBid(row);
 */
export function prepareInsert<T extends SQLiteTable>(orm: Orm, table: T): (row: InferSelectModel<T>) => void {
  const statement = orm.insert(table).values(placeholdersFor(table)).prepare();
  return (row) => {
    statement.run(row as Record<string, unknown>);
  };
}

/**
 * An INSERT of whole rows that, when a row with the same `target` key exists, updates the
 * `update` columns of that row to the new row's values instead: prepared once, as
 * `prepareInsert`.
 * @example const upsertScore = prepareUpsert(orm, consensusScores, { target: [consensusScores.tenderId, ...], update: ['score', 'motivation'] });
 */
export function prepareUpsert<T extends SQLiteTable>(
  orm: Orm,
  table: T,
  { target, update }: { target: SQLiteColumn[]; update: (keyof InferSelectModel<T> & string)[] },
): (row: InferSelectModel<T>) => void {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const set = Object.fromEntries(update.map((key) => [key, sql`excluded.${sql.identifier((columns[key] as SQLiteColumn).name)}`]));
  const statement = orm
    .insert(table)
    .values(placeholdersFor(table))
    .onConflictDoUpdate({ target, set: set as never })
    .prepare();
  return (row) => {
    statement.run(row as Record<string, unknown>);
  };
}

/** Every column of `table` as a placeholder named after its key. */
function placeholdersFor(table: SQLiteTable): never {
  // Placeholders in place of values, which drizzle's row type does not describe.
  return Object.fromEntries(Object.keys(getTableColumns(table)).map((key) => [key, sql.placeholder(key)])) as never;
}

/**
 * `column IN (the ids)` for a prepared statement: the ids go in as one JSON array
 * placeholder, unpacked by SQLite's `json_each`, so one statement serves any number of ids.
 * Pass the value with `jsonList(ids)`.
 * @example .where(inJsonList(tenders.organisationId, 'organisationIds'))
 */
export function inJsonList(column: SQLiteColumn, placeholder: string): SQL {
  const list: Placeholder = sql.placeholder(placeholder);
  return sql`${column} IN (SELECT value FROM json_each(${list}))`;
}

/** The value for an `inJsonList` placeholder. */
export const jsonList = (values: readonly string[]): string => JSON.stringify(values);

/**
 * Every row of `table` in primary-key order, streamed (drizzle's prepared queries return
 * whole arrays): a raw statement built from the table's columns, prepared at first use, each
 * value mapped as drizzle maps it (booleans, buffers), so the rows have the table's select type.
 * @example for (const bid of prepareIterate(sqlite, bids)()) ...
 */
export function prepareIterate<T extends SQLiteTable>(sqlite: Database.Database, table: T): () => IterableIterator<InferSelectModel<T>> {
  const columns = Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>);
  const config = getTableConfig(table);
  const primary = config.primaryKeys[0]?.columns ?? columns.filter(([, c]) => c.primary).map(([, c]) => c);
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const text =
    `SELECT ${columns.map(([key, c]) => `${quote(c.name)} AS ${quote(key)}`).join(', ')} FROM ${quote(config.name)}` +
    (primary.length === 0 ? '' : ` ORDER BY ${primary.map((c) => quote(c.name)).join(', ')}`);
  // Prepared at first use, not here: a database of an older schema (a backup being checked
  // before its migration) may not have the table yet.
  let statement: Database.Statement<[], Record<string, unknown>> | undefined;
  return function* () {
    statement ??= sqlite.prepare<[], Record<string, unknown>>(text);
    for (const raw of statement.iterate()) {
      for (const [key, column] of columns) {
        const value = raw[key];
        if (value !== null && value !== undefined) raw[key] = column.mapFromDriverValue(value);
      }
      yield raw as InferSelectModel<T>;
    }
  };
}
