import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, writeTransaction } from '../../src/db/client.js';

const dirs: string[] = [];
const tempPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gw-db-'));
  dirs.push(dir);
  return join(dir, 'nested', 'gunningswijzer.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the file and its folder, migrates, and sets the pragmas', () => {
    const db = openDatabase({ path: tempPath() });
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = (db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining(['audit_events', 'bids', 'consensus_scores', 'criteria', 'memberships', 'organisations', 'sessions', 'tenders', 'users']),
    );
    db.close();
  });

  it('migrates an existing database only once', () => {
    const path = tempPath();
    openDatabase({ path }).close();
    const db = openDatabase({ path });
    const applied = db.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBeGreaterThanOrEqual(1);
    db.close();
  });

  it('enforces foreign keys', () => {
    const db = openDatabase({ path: tempPath() });
    expect(() => db.sqlite.prepare("INSERT INTO memberships (user_id, organisation_id, role) VALUES ('nobody', 'nowhere', 'admin')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });

  it('rolls the whole write transaction back when it throws', () => {
    const db = openDatabase({ path: tempPath() });
    expect(() =>
      writeTransaction(db, () => {
        db.sqlite.prepare("INSERT INTO organisations VALUES ('o1', 'Gemeente A', 'gemeente', '2026-01-01')").run();
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM organisations').get()).toEqual({ n: 0 });
    db.close();
  });
});
