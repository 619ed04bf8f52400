/**
 * @module
 * Kill -9 the server in the middle of a stream of writes, again and again, and check that
 * nothing acknowledged was lost: every organisation the server answered 201 for is in the
 * database, `PRAGMA integrity_check` is ok and the audit chain verifies. Each round
 * restarts the server on the same file, so recovery from the WAL is exercised too.
 *
 * Usage: `npm run test:crash -- [ROUNDS]` (default 20). Only loopback traffic.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { verifyChain, type StoredAuditEvent } from '../src/modules/audit/audit-chain.js';
import { startServerProcess } from './server-process.js';

const ADMIN = { email: 'crash@gunningswijzer.test', password: 'crash test password 1' };

export type RoundResult = { round: number; acknowledged: number; integrity: string; lost: string[]; chainValid: boolean };

async function getToken(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (login.status !== 200 || cookie === undefined) throw new Error(`login failed: ${login.status}`);
  const token = await fetch(`${baseUrl}/api/v1/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: 'crash' }) });
  return ((await token.json()) as { token: string }).token;
}

/** Writers post organisations until the server dies; returns the ids it acknowledged. */
async function writeUntilKilled(baseUrl: string, token: string, round: number, killAfterMs: number, child: ChildProcess): Promise<string[]> {
  const acknowledged: string[] = [];
  let alive = true;
  const killer = setTimeout(() => {
    alive = false;
    child.kill('SIGKILL');
  }, killAfterMs);
  const writer = async (w: number) => {
    for (let i = 0; alive && i < 100_000; i += 1) {
      try {
        const response = await fetch(`${baseUrl}/api/v1/organisations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ name: `Gemeente r${round} w${w} n${i}`, kind: 'gemeente' }),
        });
        if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
      } catch {
        return; // connection refused or reset: the server is gone
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(writer));
  clearTimeout(killer);
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
  return acknowledged;
}

function checkDatabase(databasePath: string, acknowledged: string[]): Omit<RoundResult, 'round' | 'acknowledged'> {
  const db = new Database(databasePath);
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const has = db.prepare('SELECT 1 FROM organisations WHERE id = ?');
    const lost = acknowledged.filter((id) => has.get(id) === undefined);
    const events = db
      .prepare(
        `SELECT seq, at, actor_user_id AS actorUserId, organisation_id AS organisationId, action, entity_type AS entityType,
                entity_id AS entityId, tender_id AS tenderId, change, prev_hash AS prevHash, hash FROM audit_events ORDER BY seq`,
      )
      .iterate() as IterableIterator<StoredAuditEvent>;
    return { integrity, lost, chainValid: verifyChain(events).valid };
  } finally {
    db.close();
  }
}

export async function runCrashTest({
  rounds = 20,
  log = (line) => void process.stdout.write(`${line}\n`),
}: { rounds?: number; log?: (line: string) => void } = {}): Promise<RoundResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-crash-'));
  const databasePath = join(dir, 'crash.db');
  const results: RoundResult[] = [];
  try {
    for (let round = 1; round <= rounds; round += 1) {
      const { child, baseUrl } = await startServerProcess({ databasePath: databasePath, admin: ADMIN });
      const token = await getToken(baseUrl).catch((error: unknown) => {
        child.kill('SIGKILL');
        throw error;
      });
      const acknowledged = await writeUntilKilled(baseUrl, token, round, 200 + Math.floor(Math.random() * 600), child);
      const result = { round, acknowledged: acknowledged.length, ...checkDatabase(databasePath, acknowledged) };
      results.push(result);
      log(`round ${round}: ${result.acknowledged} acknowledged, ${result.lost.length} lost, integrity ${result.integrity}, chain ${result.chainValid ? 'valid' : 'BROKEN'}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rounds = Number(process.argv[2] ?? 20);
  const results = await runCrashTest({ rounds });
  const failed = results.filter((r) => r.lost.length > 0 || r.integrity !== 'ok' || !r.chainValid);
  process.stdout.write(`${results.length - failed.length} passed, ${failed.length} failed\n`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}
