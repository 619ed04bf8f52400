/**
 * Backups and restores against the real server process: a backup taken while writes run is
 * one consistent snapshot (its audit chain is a prefix of the live one and holds every write
 * acknowledged before it started); restore refuses while the server runs and refuses a
 * backup that does not verify; a restored database verifies and the server starts on it.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, issueToken } from '../../scripts/api-session.js';
import { backupDatabase, BackupError, sha256OfFile } from '../../scripts/backup.js';
import { checkDatabaseFile } from '../../scripts/database-check.js';
import { probeDatabaseUse, restoreDatabase, RestoreRefused } from '../../scripts/restore.js';
import { startServerProcess } from '../../scripts/server-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN = { email: 'backup@gunningswijzer.test', password: 'backup test password 1' };

let dir: string;
let databasePath: string;
let server: ChildProcess | null = null;
let baseUrl: string;
let token: string;

async function startServer(): Promise<void> {
  const started = await startServerProcess({ databasePath, admin: ADMIN });
  server = started.child;
  baseUrl = started.baseUrl;
}

async function stopServer(): Promise<void> {
  const child = server;
  server = null;
  if (child === null || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Posts organisations until `stop()`; remembers which ids were acknowledged, in order. */
function startWriters(writers = 3) {
  const acknowledged: string[] = [];
  let running = true;
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let i = 0; running; i += 1) {
      const answer = await callApi(baseUrl, 'POST', '/api/v1/organisations', { auth: { token }, body: { name: `Gemeente w${w} n${i}`, kind: 'gemeente' } });
      expect(answer.status).toBe(201);
      acknowledged.push(answer.body.id as string);
    }
  });
  return {
    acknowledged,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

const idsIn = (path: string): Set<string> => {
  const sqlite = new Database(path, { readonly: true });
  try {
    return new Set((sqlite.prepare('SELECT id FROM organisations').all() as { id: string }[]).map((r) => r.id));
  } finally {
    sqlite.close();
  }
};

const hashOfEvent = (path: string, seq: number): string | undefined => {
  const sqlite = new Database(path, { readonly: true });
  try {
    return (sqlite.prepare('SELECT hash FROM audit_events WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash;
  } finally {
    sqlite.close();
  }
};

const runScript = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gw-backup-'));
  databasePath = join(dir, 'live', 'gunningswijzer.db');
  await startServer();
  token = await issueToken(baseUrl, ADMIN, 'backup test');
}, 60_000);

afterAll(async () => {
  await stopServer();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup while the server writes', () => {
  const backups: { file: string; acknowledgedBefore: string[] }[] = [];

  it('takes consistent, verified copies while writes run', async () => {
    const writers = startWriters();
    for (let n = 1; n <= 3; n += 1) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      const acknowledgedBefore = [...writers.acknowledged];
      const file = join(dir, `backup-${n}.db`);
      const result = await backupDatabase({ databasePath, destination: file });
      backups.push({ file, acknowledgedBefore });
      expect(result.check).toMatchObject({ integrity: 'ok', foreignKeyViolations: 0, chain: { valid: true } });
      expect(result.sha256).toBe(await sha256OfFile(file));
      expect(existsSync(`${file}-wal`)).toBe(false); // one self-contained file
    }
    await writers.stop();
    expect(writers.acknowledged.length).toBeGreaterThan(backups[2]!.acknowledgedBefore.length);

    for (const { file, acknowledgedBefore } of backups) {
      const check = checkDatabaseFile(file);
      // Every write acknowledged before the backup started is in it...
      const ids = idsIn(file);
      expect(acknowledgedBefore.filter((id) => !ids.has(id))).toEqual([]);
      // ...and the backup is the live chain up to some commit: the same hash at its head.
      expect(hashOfEvent(databasePath, check.chain.events)).toBe(check.chain.head);
    }
    const live = checkDatabaseFile(databasePath);
    expect(live.chain.events).toBeGreaterThan(checkDatabaseFile(backups[2]!.file).chain.events);
  }, 60_000);

  it('never overwrites an existing file', async () => {
    await expect(backupDatabase({ databasePath, destination: backups[0]!.file })).rejects.toThrow(BackupError);
  });

  it('works as `npm run backup -- FILE`', () => {
    const file = join(dir, 'from-the-command.db');
    const run = runScript('backup.ts', [file, '--database', databasePath]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^Backup written: .*from-the-command\.db\n {2}\d+ bytes, sha256 [0-9a-f]{64}\n {2}integrity ok, 0 foreign key violations, audit chain valid/,
    );
    expect(checkDatabaseFile(file).chain.valid).toBe(true);
  }, 60_000);

  describe('restore', () => {
    it('refuses while the server runs, and changes nothing', async () => {
      expect(probeDatabaseUse(databasePath)).toBe('in-use');
      const before = checkDatabaseFile(databasePath).chain.head;
      await expect(restoreDatabase({ backupPath: backups[0]!.file, databasePath })).rejects.toThrow(/in use/);
      const run = runScript('restore.ts', [backups[0]!.file, '--database', databasePath]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^Restore refused: .* is in use/);
      expect(checkDatabaseFile(databasePath).chain.head).toBe(before);
      expect((await callApi(baseUrl, 'GET', '/health')).status).toBe(200);
    }, 60_000);

    it('refuses a backup that does not verify, and changes nothing', async () => {
      await stopServer();
      expect(probeDatabaseUse(databasePath)).toBe('free');
      const fingerprint = await sha256OfFile(databasePath);

      const tampered = join(dir, 'tampered.db');
      copyFileSync(backups[1]!.file, tampered);
      const sqlite = new Database(tampered);
      sqlite.prepare('UPDATE audit_events SET change = \'{"after":{"name":"Gemeente Nergens"}}\' WHERE seq = 3').run();
      sqlite.close();
      await expect(restoreDatabase({ backupPath: tampered, databasePath })).rejects.toThrow(/does not verify: .*audit chain BROKEN at event 3/);

      const garbage = join(dir, 'garbage.db');
      writeFileSync(garbage, 'this is not a database '.repeat(400));
      await expect(restoreDatabase({ backupPath: garbage, databasePath })).rejects.toThrow(RestoreRefused);

      expect(await sha256OfFile(databasePath)).toBe(fingerprint);
      expect(existsSync(`${databasePath}.restore-${process.pid}`)).toBe(false);
    }, 60_000);

    it('restores a verified backup once the server is stopped; the server starts on it and it verifies', async () => {
      const backup = checkDatabaseFile(backups[1]!.file);
      const liveBefore = checkDatabaseFile(databasePath);
      const run = runScript('restore.ts', [backups[1]!.file, '--database', databasePath]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`audit head ${backup.chain.head}`);

      const restored = checkDatabaseFile(databasePath);
      expect(restored).toMatchObject({
        integrity: 'ok',
        foreignKeyViolations: 0,
        chain: { valid: true, events: backup.chain.events, head: backup.chain.head },
      });
      expect(idsIn(databasePath)).toEqual(idsIn(backups[1]!.file));
      // The database it replaced is kept beside it, whole.
      const kept = /kept at (.+)\n/.exec(run.stdout)?.[1];
      expect(kept).toBeDefined();
      expect(checkDatabaseFile(kept!).chain).toMatchObject({ valid: true, head: liveBefore.chain.head });

      await startServer();
      const verify = await callApi(baseUrl, 'GET', '/api/v1/auth/me', { auth: { token } });
      expect(verify.status).toBe(200); // the token was issued before the backup
      const written = await callApi(baseUrl, 'POST', '/api/v1/organisations', { auth: { token }, body: { name: 'Gemeente na herstel', kind: 'gemeente' } });
      expect(written.status).toBe(201);
      await stopServer();
      const after = checkDatabaseFile(databasePath);
      expect(after.chain).toMatchObject({ valid: true, events: backup.chain.events + 1 });
    }, 60_000);

    it('restores into an empty place, and over a file that is not a database', async () => {
      const fresh = join(dir, 'elsewhere', 'new.db');
      await restoreDatabase({ backupPath: backups[0]!.file, databasePath: fresh });
      expect(checkDatabaseFile(fresh).chain.head).toBe(checkDatabaseFile(backups[0]!.file).chain.head);

      const damaged = join(dir, 'damaged.db');
      writeFileSync(damaged, Buffer.alloc(8192, 0x42));
      const result = await restoreDatabase({ backupPath: backups[0]!.file, databasePath: damaged });
      expect(result.check.chain.valid).toBe(true);
      expect(result.keptPrevious).not.toBeNull();
      expect(existsSync(result.keptPrevious!)).toBe(true);
    }, 60_000);
  });
});
