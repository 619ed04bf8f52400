/**
 * @module
 * A fresh app on a temporary SQLite file per test file, with a controllable clock and a
 * cheap scrypt cost (the production cost would make the suite crawl; the parameters are
 * stored per hash, so the code path is the same).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppDeps } from '../../src/app.js';
import { openDatabase, type Db } from '../../src/db/client.js';
import type { AppConfig } from '../../src/http/types.js';
import { createLogger } from '../../src/lib/logger.js';

export type TestClock = { now: () => Date; set: (iso: string) => void; advance: (ms: number) => void };

export function createTestClock(start = '2026-03-02T09:00:00.000Z'): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export type TestApp = ReturnType<typeof createApp> & {
  db: Db;
  dbPath: string;
  clock: TestClock;
  close: () => void;
};

export function createTestApp(config: Partial<AppConfig> = {}, deps: Partial<AppDeps> = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'gw-api-'));
  const dbPath = join(dir, 'test.db');
  const db = openDatabase({ path: dbPath });
  const clock = createTestClock();
  const created = createApp({
    db,
    // One development certificate for the whole run: generating an RSA key per test file is slow.
    signing: { kind: 'development', directory: join(tmpdir(), 'gunningswijzer-test-signing') },
    clock: clock.now,
    logger: createLogger({ level: 'silent' }),
    config: { passwordHash: { N: 1024, r: 8, p: 1 }, ...config },
    ...deps,
  });
  return {
    ...created,
    db,
    dbPath,
    clock,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sessions that outlive a test moving the clock across weeks (deadlines, the standstill). */
export const LONG_SESSIONS: Partial<AppConfig> = { sessionIdleMs: 400 * 24 * 60 * 60_000, sessionAbsoluteMs: 400 * 24 * 60 * 60_000 };
