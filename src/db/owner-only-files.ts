/**
 * @module
 * Files and folders only the server's own user may read. The database holds password
 * hashes, every bid's price and the scores of the panel; another account on the machine
 * has no business reading it, or its WAL (the newest commits), or a backup of it.
 *
 * SQLite creates a database file with mode 0644, and its `-wal` and `-shm` files with the
 * mode of the database file (the unix VFS copies it). So creating the database file
 * ourselves, 0600, before SQLite opens it makes all three owner-only. Files and folders that
 * exist are left as the operator made them.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';

/** Read and write for the owner only. */
export const OWNER_ONLY_FILE_MODE = 0o600;
/** Read, write and enter for the owner only. */
export const OWNER_ONLY_DIRECTORY_MODE = 0o700;

/**
 * Creates `path` as an empty file with mode 0600 unless something is there already (never
 * following or replacing it: `O_EXCL`); answers whether it made the file.
 * @example createOwnerOnlyFile('./data/gunningswijzer.db') // true on a fresh install
 */
export function createOwnerOnlyFile(path: string): boolean {
  try {
    closeSync(openSync(path, 'wx', OWNER_ONLY_FILE_MODE));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Creates the folder and any missing parents with mode 0700; folders that exist keep theirs.
 * @example ensureOwnerOnlyDirectory('./data')
 */
export function ensureOwnerOnlyDirectory(path: string): void {
  mkdirSync(path, { recursive: true, mode: OWNER_ONLY_DIRECTORY_MODE });
}
