/**
 * @module
 * `npm run restore -- FILE [--database PATH]`: puts a backup in place of the database.
 *
 * 1. The backup is copied next to the database (SQLite's backup API, so a copy that still
 *    has a `-wal` beside it is read whole) and verified there: `integrity_check`, foreign
 *    keys, the audit chain, and migrations this version knows (a backup made by a newer
 *    version is refused; an older one is migrated by the server at its next start).
 * 2. The database must not be in use. A running server keeps its connection open, and in
 *    WAL mode every open connection holds a shared lock on the database; so the check is
 *    an exclusive lock taken without waiting (`locking_mode=EXCLUSIVE`, `BEGIN EXCLUSIVE`,
 *    busy timeout 0). It fails while any process has the file open, and the operating
 *    system drops the locks of a process that died, so a crashed server never blocks a
 *    restore the way a stale pid file would.
 * 3. The current database is kept as `PATH.before-restore-<time>` (or, when SQLite cannot
 *    read it at all, moved there with its `-wal` and `-shm`).
 * 4. The backup is written over the database with the backup API: one transaction, so even
 *    a server started against the rules in the same instant sees the old or the new
 *    database, never a mixture. The result is verified again.
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { MIGRATIONS_FOLDER } from '../src/db/client.js';
import { ensureOwnerOnlyDirectory } from '../src/db/owner-only-files.js';
import { copyWithBackupApi, databasePathFrom, syncPath } from './backup.js';
import { checkDatabaseFile, describeCheck, isHealthy, type DatabaseCheck } from './database-check.js';

export class RestoreRefused extends Error {
  override readonly name = 'RestoreRefused';
}

export type DatabaseUse = 'absent' | 'free' | 'in-use' | 'unreadable';

function sqliteCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

/**
 * Whether another process holds `path` open, by taking SQLite's exclusive lock without
 * waiting. `unreadable`: the file is there but SQLite cannot read it as a database.
 * @example if (probeDatabaseUse('./data/gunningswijzer.db') === 'in-use') throw ...
 */
export function probeDatabaseUse(path: string): DatabaseUse {
  if (!existsSync(path)) return 'absent';
  let probe: Database.Database;
  try {
    probe = new Database(path, { fileMustExist: true, timeout: 0 });
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_BUSY') return 'in-use';
    return 'unreadable';
  }
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return 'free';
  } catch (error) {
    const code = sqliteCode(error);
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'in-use';
    if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) return 'unreadable';
    throw error;
  } finally {
    probe.close();
  }
}

/** The `when` of the newest migration this version ships (drizzle stores it as `created_at`). */
function newestKnownMigration(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

function newestAppliedMigration(path: string): number {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const row = sqlite.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null };
    return Number(row.at ?? 0);
  } finally {
    sqlite.close();
  }
}

/** Copies `backupPath` to `staging` and checks the copy; throws `RestoreRefused` when it does not verify. */
async function stageBackup(backupPath: string, staging: string): Promise<DatabaseCheck> {
  let source: Database.Database;
  try {
    source = new Database(backupPath, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new RestoreRefused(`cannot open the backup ${backupPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    await copyWithBackupApi(source, staging);
  } catch (error) {
    rmSync(staging, { force: true });
    throw new RestoreRefused(`${backupPath} is not a readable SQLite database: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    source.close();
  }
  let check: DatabaseCheck;
  try {
    check = checkDatabaseFile(staging);
  } catch (error) {
    rmSync(staging, { force: true });
    throw new RestoreRefused(`${backupPath} cannot be checked: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isHealthy(check) || check.migrationsApplied === 0) {
    rmSync(staging, { force: true });
    const what = check.migrationsApplied === 0 ? 'it is not a Gunningswijzer database' : describeCheck(check);
    throw new RestoreRefused(`the backup does not verify: ${what}; nothing was changed`);
  }
  if (newestAppliedMigration(staging) > newestKnownMigration()) {
    rmSync(staging, { force: true });
    throw new RestoreRefused('the backup was made by a newer version of Gunningswijzer; deploy that version first');
  }
  return check;
}

function refuseIfInUse(databasePath: string): DatabaseUse {
  const use = probeDatabaseUse(databasePath);
  if (use === 'in-use') {
    throw new RestoreRefused(`${databasePath} is in use (a running server or another process has it open): stop the server first; nothing was changed`);
  }
  return use;
}

/** Keeps the current database beside itself before it is overwritten; answers where. */
async function keepCurrent(databasePath: string, use: DatabaseUse, stamp: string): Promise<string | null> {
  if (use === 'absent') return null;
  const kept = `${databasePath}.before-restore-${stamp}`;
  if (use === 'unreadable') {
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, kept + suffix);
    }
    return kept;
  }
  const current = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    await copyWithBackupApi(current, kept);
  } finally {
    current.close();
  }
  return kept;
}

export type RestoreResult = { databasePath: string; keptPrevious: string | null; check: DatabaseCheck };

/**
 * Verifies `backupPath`, refuses when the database is in use, keeps the current database
 * and writes the backup in its place.
 * @example await restoreDatabase({ backupPath: '/backups/gw-2026-03-02.db', databasePath: './data/gunningswijzer.db' });
 */
export async function restoreDatabase({
  backupPath,
  databasePath,
  now = new Date(),
}: {
  backupPath: string;
  databasePath: string;
  now?: Date;
}): Promise<RestoreResult> {
  const target = resolve(databasePath);
  const source = resolve(backupPath);
  if (source === target) throw new RestoreRefused('the backup is the database itself');
  if (!existsSync(source)) throw new RestoreRefused(`no backup at ${source}`);
  // Refuse early, before any copying, when the server runs.
  refuseIfInUse(target);
  ensureOwnerOnlyDirectory(dirname(target));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const staging = `${target}.restore-${process.pid}`;
  const staged = await stageBackup(source, staging);
  try {
    const use = refuseIfInUse(target);
    const keptPrevious = await keepCurrent(target, use, stamp);
    // Again, right before writing: the window for a server to start is now milliseconds.
    refuseIfInUse(target);
    const stagedDb = new Database(staging, { readonly: true, fileMustExist: true });
    try {
      await copyWithBackupApi(stagedDb, target);
    } finally {
      stagedDb.close();
    }
    syncPath(target);
    const check = checkDatabaseFile(target);
    if (!isHealthy(check) || check.chain.head !== staged.chain.head || check.chain.events !== staged.chain.events) {
      throw new Error(`the restored database does not verify (${describeCheck(check)}); the previous one is kept at ${keptPrevious ?? '(none)'}`);
    }
    return { databasePath: target, keptPrevious, check };
  } finally {
    rmSync(staging, { force: true });
  }
}

async function main(args: string[]): Promise<number> {
  const { path, rest } = databasePathFrom(args);
  const [backupPath, ...extra] = rest;
  if (backupPath === undefined || extra.length > 0) {
    process.stderr.write('Usage: npm run restore -- FILE [--database PATH]\n');
    return 2;
  }
  const result = await restoreDatabase({ backupPath, databasePath: path });
  process.stdout.write(
    `Restored ${backupPath} to ${result.databasePath}\n` +
      `  ${describeCheck(result.check)}\n` +
      `  audit head ${result.check.chain.head}\n` +
      (result.keptPrevious === null ? '' : `  the previous database is kept at ${result.keptPrevious}\n`) +
      'Start the server; it applies any newer migrations at start.\n',
  );
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
    const refused = error instanceof RestoreRefused;
    process.stderr.write(`Restore ${refused ? 'refused' : 'failed'}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  });
}
