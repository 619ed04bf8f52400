/**
 * @module
 * Opens the SQLite store and brings its schema up to date.
 *
 * Pragmas, and why:
 * - `journal_mode=WAL`: readers never block the writer and a commit is one append.
 * - `synchronous=FULL`: WAL is fsync'ed at every commit. With WAL, `NORMAL` already survives
 *   a process crash (SIGKILL) with every acknowledged write, because a commit that returned
 *   is in the WAL file in the OS page cache; but a power cut or kernel panic can lose the last
 *   commits. An award record acknowledged to an inkoper must survive that too; the price is
 *   one fsync per write transaction, which the write budgets allow.
 * - `foreign_keys=ON`: SQLite leaves it off per connection by default.
 * - `busy_timeout`: a second process (a CLI, a backup) waits instead of failing at once.
 */
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index.js';
import { packagePath } from '../lib/package-root.js';
import { limitWalSize } from './maintenance.js';
import { createOwnerOnlyFile, ensureOwnerOnlyDirectory } from './owner-only-files.js';

export type Orm = BetterSQLite3Database<typeof schema>;

export type Db = {
  /** The raw connection: transactions (`sqlite.transaction(fn).immediate()`) and pragmas. */
  sqlite: Database.Database;
  /** Drizzle on the same connection; used only in `*.queries.ts`. */
  orm: Orm;
  close: () => void;
};

/** The committed migrations, found from this file so the server may start from any cwd. */
export const MIGRATIONS_FOLDER = packagePath('migrations');

export type OpenDatabaseOptions = {
  /** A file path, or `:memory:`. A new file and parent directory are made owner-only (0600, 0700). */
  path: string;
  busyTimeoutMs?: number;
};

/**
 * Opens (creating if needed) and migrates the database.
 * @example const db = openDatabase({ path: './data/gunningswijzer.db' });
 */
export function openDatabase({ path, busyTimeoutMs = 5000 }: OpenDatabaseOptions): Db {
  if (path !== ':memory:') {
    ensureOwnerOnlyDirectory(dirname(path));
    // Before SQLite opens it: the -wal and -shm files then get the same owner-only mode.
    createOwnerOnlyFile(path);
  }
  const sqlite = new Database(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    // Bounds the WAL file after checkpoints (see maintenance.ts).
    limitWalSize(sqlite);
    const orm = drizzle(sqlite, { schema });
    migrate(orm, { migrationsFolder: MIGRATIONS_FOLDER });
    return { sqlite, orm, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Runs `fn` in one write transaction taken with `BEGIN IMMEDIATE`, so a read-then-write
 * cannot be overtaken by another writer between its read and its write. `fn` must be
 * synchronous: better-sqlite3 commits when it returns.
 * @example writeTransaction(db, () => { insertTender(...); appendAuditEvent(...); });
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.sqlite.transaction(fn).immediate();
}
