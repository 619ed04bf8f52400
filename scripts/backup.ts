/**
 * @module
 * `npm run backup -- FILE [--database PATH]`: a consistent copy of the database while the
 * server runs.
 *
 * SQLite's online backup API copies the pages of one snapshot: every page is copied in a
 * single step, inside one read transaction, so the copy is the database as it was at one
 * commit, whatever the server writes meanwhile (WAL: the server is never blocked). The copy
 * is written next to FILE, switched to a self-contained rollback journal (no `-wal` beside
 * it), checked (`integrity_check`, foreign keys, the audit chain), synced, and only then
 * renamed to FILE, so FILE is either a verified backup or absent. An existing FILE is never
 * overwritten.
 *
 * The database is `--database PATH`, else `DATABASE_PATH` as the server reads it.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createOwnerOnlyFile } from '../src/db/owner-only-files.js';
import { parseEnv } from '../src/env.js';
import { checkConnection, describeCheck, isHealthy, type DatabaseCheck } from './database-check.js';

/** The largest page count a backup step accepts: every page in one step, so one snapshot. */
const ALL_PAGES = 0x7fffffff;

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export type BackupResult = {
  file: string;
  bytes: number;
  sha256: string;
  check: DatabaseCheck;
};

/** Flushes a file, or a directory entry after a rename, to disk. */
export function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Hex SHA-256 of a file, streamed: a database may be larger than memory allows. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Copies `from` (an open connection, any journal mode) into the file `to` with the online
 * backup API, in one step. A new `to` is made owner-only (0600) first, as the database is:
 * a copy holds the same password hashes, prices and scores.
 */
export async function copyWithBackupApi(from: Database.Database, to: string): Promise<void> {
  createOwnerOnlyFile(to);
  await from.backup(to, { progress: () => ALL_PAGES });
}

/**
 * Makes a verified backup of `databasePath` at `destination`.
 * @example await backupDatabase({ databasePath: './data/gunningswijzer.db', destination: '/backups/gw-2026-03-02.db' });
 */
export async function backupDatabase({ databasePath, destination }: { databasePath: string; destination: string }): Promise<BackupResult> {
  const target = resolve(destination);
  if (existsSync(target)) throw new BackupError(`${target} exists; choose a new file name (a backup never overwrites)`);
  if (!existsSync(dirname(target))) throw new BackupError(`the folder ${dirname(target)} does not exist`);
  if (!existsSync(databasePath)) throw new BackupError(`no database at ${databasePath}`);
  const partial = `${target}.partial-${process.pid}`;
  const source = new Database(databasePath, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    await copyWithBackupApi(source, partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`backup of ${databasePath} failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    source.close();
  }
  let check: DatabaseCheck;
  const copy = new Database(partial, { fileMustExist: true });
  try {
    // One file, no -wal or -shm beside it: what is copied to tape is the whole backup.
    copy.pragma('journal_mode = DELETE');
    check = checkConnection(copy);
  } finally {
    copy.close();
  }
  if (!isHealthy(check)) {
    rmSync(partial, { force: true });
    throw new BackupError(`the copy does not verify (${describeCheck(check)}); the database itself may be damaged`);
  }
  syncPath(partial);
  renameSync(partial, target);
  syncPath(dirname(target));
  const bytes = statSync(target).size;
  const sha256 = await sha256OfFile(target);
  return { file: target, bytes, sha256, check };
}

/** `--database PATH` from the arguments, else the server's `DATABASE_PATH`. */
export function databasePathFrom(args: string[]): { path: string; rest: string[] } {
  const at = args.indexOf('--database');
  if (at >= 0) {
    const path = args[at + 1];
    if (path === undefined) throw new BackupError('--database needs a path');
    return { path, rest: args.filter((_, i) => i !== at && i !== at + 1) };
  }
  const env = parseEnv();
  if (!env.ok) throw new BackupError(`invalid configuration: ${env.problems.join('; ')} (or pass --database PATH)`);
  return { path: env.env.DATABASE_PATH, rest: args };
}

async function main(args: string[]): Promise<number> {
  const { path, rest } = databasePathFrom(args);
  const [destination, ...extra] = rest;
  if (destination === undefined || extra.length > 0) {
    process.stderr.write('Usage: npm run backup -- FILE [--database PATH]\n');
    return 2;
  }
  const result = await backupDatabase({ databasePath: path, destination });
  process.stdout.write(
    `Backup written: ${result.file}\n` +
      `  ${result.bytes} bytes, sha256 ${result.sha256}\n` +
      `  ${describeCheck(result.check)}\n` +
      `  audit head ${result.check.chain.head}\n`,
  );
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  });
}
