/**
 * @module
 * `npm run demo`: a fresh demo database (`./data/demo.db`, replaced at every run) with Regio
 * IJsselland, its gemeenten, a user per role, five schools and twelve tenders over 2024-2026
 * (scripts/demo/demo-world.ts), made through the services on a simulated clock
 * (scripts/demo/generate-demo.ts); then the server starts on the real clock, on `PORT` and
 * `HOST` as `npm start` does (`PORT=8080 npm run demo`), and the address, every account with
 * the web page to open for it, and the tenders' pages are printed (scripts/demo/demo-banner.ts).
 *
 * The demo's accounts are hashed with scrypt N = 2^14 instead of the server's 2^16, so that
 * the demo starts in seconds on a small machine: their password is printed below anyway. The
 * server itself is built afterwards with its own configuration, so every account made while
 * the demo runs gets the full cost.
 */
import { rmSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/client.js';
import { loadEnvOrExit } from '../src/env.js';
import { createLogger } from '../src/lib/logger.js';
import { startAuditAnchoring } from '../src/modules/audit/audit-anchor.service.js';
import { createDemoClock } from './demo/demo-clock.js';
import { demoBanner } from './demo/demo-banner.js';
import { generateDemo } from './demo/generate-demo.js';

const env = loadEnvOrExit();
const DATABASE_PATH = './data/demo.db';
const DEMO_SCRYPT = { N: 2 ** 14, r: 8, p: 1 };

const started = performance.now();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${DATABASE_PATH}${suffix}`, { force: true });
const db = openDatabase({ path: DATABASE_PATH });
const logger = createLogger({ level: env.LOG_LEVEL });
const clock = createDemoClock();
// Making the world signs every report with a signed audit head: at info level that is a page of log lines above the logins.
const generator = createApp({
  db,
  clock: clock.now,
  logger: createLogger({ level: env.LOG_LEVEL === 'debug' ? 'debug' : 'warn' }),
  config: { passwordHash: DEMO_SCRYPT },
});
const summary = await generateDemo(generator.ctx, clock);
clock.release();

const { app, ctx } = createApp({ db, logger });
// As the server does at start: the generated trail gets a signed head, and one hourly as it grows.
startAuditAnchoring(ctx);
serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const address = `http://${env.HOST}:${info.port}`;
  process.stdout.write(demoBanner({ address, summary, seconds: (performance.now() - started) / 1000, database: DATABASE_PATH }));
});
