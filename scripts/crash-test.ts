/**
 * @module
 * Kill -9 the server at a random moment while the load mix runs (`scripts/load-mix.ts`:
 * evaluation and tender-list reads, consensus scores, evaluators' scores and new bids from
 * five users), again and again, on the same database file. After every kill the server is
 * started again (so SQLite recovers from the WAL) and then, with the server running:
 * `PRAGMA integrity_check` is ok, no foreign key points nowhere, the audit chain verifies
 * (read from the file and through `GET /api/v1/audit/verify`), and every write acknowledged
 * in any round so far is in the database.
 *
 * Usage: `npm run test:crash -- [ROUNDS]` (default 20). Only loopback traffic.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { callApi } from './api-session.js';
import { checkDatabaseFile, isHealthy } from './database-check.js';
import { seedLoadWorld, startLoad, verifyAcknowledged, type AcknowledgedWrite, type LoadWorld } from './load-mix.js';
import { startServerProcess } from './server-process.js';

const ADMIN = { email: 'crash@gunningswijzer.test', password: 'crash test password 1' };
const CONNECTIONS = 8;

export type RoundResult = {
  round: number;
  /** Writes acknowledged in this round before the kill. */
  acknowledged: number;
  /** Tokens of acknowledged writes (of any round so far) not found after the restart. */
  lost: string[];
  integrity: string;
  chainValid: boolean;
  /** Milliseconds of load before the kill. */
  killedAfterMs: number;
};

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** Runs the mix until SIGKILL at `killAfterMs`; answers what was acknowledged before. */
async function loadUntilKilled(baseUrl: string, world: LoadWorld, child: ChildProcess, killAfterMs: number): Promise<AcknowledgedWrite[]> {
  const load = startLoad({ baseUrl, world, durationSeconds: 120, connections: CONNECTIONS });
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  child.kill('SIGKILL');
  load.stop();
  await Promise.all([load.done.catch(() => undefined), exited(child)]);
  // An answer that still arrived after the signal was sent before the process died: it counts.
  return load.acknowledged;
}

/** Checks the file (server running beside it) and the API after a restart. */
async function checkAfterRestart(databasePath: string, baseUrl: string, world: LoadWorld, acknowledged: AcknowledgedWrite[]) {
  const check = checkDatabaseFile(databasePath);
  const sqlite = new Database(databasePath, { readonly: true, fileMustExist: true });
  let lost: string[];
  let disagreeing: string[];
  try {
    const verified = verifyAcknowledged(sqlite, acknowledged);
    lost = verified.missing.map((w) => w.token);
    disagreeing = verified.disagreeing;
  } finally {
    sqlite.close();
  }
  const api = await callApi<{ valid: boolean }>(baseUrl, 'GET', '/api/v1/audit/verify', { auth: { token: world.auditor } });
  return {
    integrity:
      check.integrity === 'ok' && check.foreignKeyViolations === 0 && disagreeing.length === 0
        ? 'ok'
        : [check.integrity, `${check.foreignKeyViolations} foreign key violations`, ...disagreeing].join('; '),
    lost,
    chainValid: isHealthy(check) && api.status === 200 && api.body.valid,
  };
}

export async function runCrashTest({
  rounds = 20,
  log = (line) => void process.stdout.write(`${line}\n`),
}: {
  rounds?: number;
  log?: (line: string) => void;
} = {}): Promise<RoundResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-crash-'));
  const databasePath = join(dir, 'crash.db');
  const results: RoundResult[] = [];
  const acknowledged: AcknowledgedWrite[] = [];
  let server = await startServerProcess({ databasePath, admin: ADMIN });
  try {
    const world = await seedLoadWorld(server.baseUrl, ADMIN);
    for (let round = 1; round <= rounds; round += 1) {
      const killedAfterMs = 300 + Math.floor(Math.random() * 1200);
      const before = acknowledged.length;
      acknowledged.push(...(await loadUntilKilled(server.baseUrl, world, server.child, killedAfterMs)));
      server = await startServerProcess({ databasePath, admin: ADMIN });
      const result = {
        round,
        acknowledged: acknowledged.length - before,
        killedAfterMs,
        ...(await checkAfterRestart(databasePath, server.baseUrl, world, acknowledged)),
      };
      results.push(result);
      log(
        `round ${round}: killed after ${killedAfterMs} ms, ${result.acknowledged} writes acknowledged (${acknowledged.length} so far), ` +
          `${result.lost.length} lost, integrity ${result.integrity}, chain ${result.chainValid ? 'valid' : 'BROKEN'}`,
      );
    }
  } finally {
    server.child.kill('SIGKILL');
    await exited(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rounds = Number(process.argv[2] ?? 20);
  const results = await runCrashTest({ rounds });
  const failed = results.filter((r) => r.lost.length > 0 || r.integrity !== 'ok' || !r.chainValid || r.acknowledged === 0);
  process.stdout.write(`${results.length - failed.length} passed, ${failed.length} failed\n`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}
