/**
 * @module
 * The world of `npm run demo` (scripts/demo/generate-demo.ts) on a temporary database, with
 * the demo's own stepping clock, for tests that need three years of tenders.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { openDatabase, type Db } from '../../src/db/client.js';
import { createLogger } from '../../src/lib/logger.js';
import type { AppConfig } from '../../src/http/types.js';
import { createDemoClock } from '../../scripts/demo/demo-clock.js';
import { generateDemo, type DemoSummary } from '../../scripts/demo/generate-demo.js';

export type DemoApp = { app: ReturnType<typeof createApp>; db: Db; summary: DemoSummary; close: () => void };

export async function createDemoApp(config: Partial<AppConfig> = {}): Promise<DemoApp> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-demo-'));
  const db = openDatabase({ path: join(dir, 'demo.db') });
  const clock = createDemoClock();
  const app = createApp({
    db,
    clock: clock.now,
    logger: createLogger({ level: 'silent' }),
    config: { passwordHash: { N: 1024, r: 8, p: 1 }, ...config },
    signing: { kind: 'development', directory: join(tmpdir(), 'gunningswijzer-test-signing') },
  });
  const summary = await generateDemo(app.ctx, clock);
  clock.release();
  return {
    app,
    db,
    summary,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
