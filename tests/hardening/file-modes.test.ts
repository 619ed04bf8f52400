/**
 * The database, its WAL and shared-memory files, the folder made for them and the backups
 * of `npm run backup` (and what restore writes) are readable by the owner only.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../scripts/backup.js';
import { restoreDatabase } from '../../scripts/restore.js';
import { openDatabase, writeTransaction, type Db } from '../../src/db/client.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gw-modes-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** One committed write, so that the WAL and its index exist. */
function write(db: Db): void {
  writeTransaction(db, () => {
    db.sqlite.prepare("INSERT INTO organisations (id, name, kind, created_at) VALUES ('o1', 'Gemeente Zwolle', 'gemeente', '2026-03-02T09:00:00.000Z')").run();
  });
}

describe('file modes', () => {
  it('creates the database, its -wal and -shm 0600 and the folders it makes 0700', () => {
    const path = join(dir, 'data', 'nested', 'gunningswijzer.db');
    const db = openDatabase({ path });
    try {
      write(db);
      expect(existsSync(`${path}-wal`)).toBe(true);
      expect(existsSync(`${path}-shm`)).toBe(true);
      expect({
        database: modeOf(path),
        wal: modeOf(`${path}-wal`),
        shm: modeOf(`${path}-shm`),
        folder: modeOf(join(dir, 'data', 'nested')),
        parent: modeOf(join(dir, 'data')),
      }).toEqual({ database: 0o600, wal: 0o600, shm: 0o600, folder: 0o700, parent: 0o700 });
    } finally {
      db.close();
    }
  });

  it('leaves a folder and a database the operator made as they are', () => {
    const folder = join(dir, 'shared');
    mkdirSync(folder, { mode: 0o750 });
    chmodSync(folder, 0o750);
    const path = join(folder, 'gunningswijzer.db');
    openDatabase({ path }).close();
    chmodSync(path, 0o640);
    const db = openDatabase({ path });
    write(db);
    db.close();
    expect([modeOf(folder), modeOf(path)]).toEqual([0o750, 0o640]);
  });

  it('writes backups 0600, and restore writes the database and the copy it keeps 0600', async () => {
    const live = join(dir, 'live', 'gunningswijzer.db');
    const db = openDatabase({ path: live });
    write(db);
    const backup = join(dir, 'backup.db');
    try {
      await backupDatabase({ databasePath: live, destination: backup });
    } finally {
      db.close();
    }
    expect(modeOf(backup)).toBe(0o600);

    const fresh = join(dir, 'restored', 'gunningswijzer.db');
    await restoreDatabase({ backupPath: backup, databasePath: fresh });
    expect([modeOf(fresh), modeOf(join(dir, 'restored'))]).toEqual([0o600, 0o700]);

    const replaced = join(dir, 'old', 'gunningswijzer.db');
    openDatabase({ path: replaced }).close();
    const result = await restoreDatabase({ backupPath: backup, databasePath: replaced });
    expect(result.keptPrevious).not.toBeNull();
    expect(modeOf(result.keptPrevious!)).toBe(0o600);
  });
});
