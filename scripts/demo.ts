/**
 * @module
 * `npm run demo`: a fresh demo database (`./data/demo.db`, replaced at every run) with Regio
 * IJsselland, its gemeenten, a user per role, five schools and twelve tenders over 2024-2026
 * (scripts/demo/demo-world.ts), made through the services on a simulated clock
 * (scripts/demo/generate-demo.ts); then the server starts on the real clock and the address
 * and the logins are printed.
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
import { DEMO_PASSWORD } from './demo/demo-world.js';
import { generateDemo } from './demo/generate-demo.js';

const env = loadEnvOrExit();
const DATABASE_PATH = './data/demo.db';
const DEMO_SCRYPT = { N: 2 ** 14, r: 8, p: 1 };

const started = performance.now();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${DATABASE_PATH}${suffix}`, { force: true });
const db = openDatabase({ path: DATABASE_PATH });
const logger = createLogger({ level: env.LOG_LEVEL });
const clock = createDemoClock();
const generator = createApp({ db, clock: clock.now, logger, config: { passwordHash: DEMO_SCRYPT } });
const summary = await generateDemo(generator.ctx, clock);
clock.release();

const { app, ctx } = createApp({ db, logger });
// As the server does at start: the generated trail gets a signed head, and one hourly as it grows.
startAuditAnchoring(ctx);
serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const address = `http://${env.HOST}:${info.port}`;
  const regio = summary.organisations.regio;
  const lines = [
    `Gunningswijzer demo: ${address}  (klaar in ${((performance.now() - started) / 1000).toFixed(1)} s; API: ${address}/api/v1/openapi.json; database ${DATABASE_PATH})`,
    '',
    `Regio IJsselland: ${address}/api/v1/regions/${regio}/comparison  (regiovergelijking; filters ?from=2025-01-01&to=2026-12-31&route=B1-route&status=awarded)`,
    'Aanbestedingen:',
    ...summary.tenders.map((t) => `  ${t.reference.padEnd(18)} ${t.status.padEnd(15)} ${t.lot.padEnd(42)} ${address}/api/v1/tenders/${t.id}`),
    '  (per aanbesteding ook .../evaluation, .../timeline, .../recompute, .../dossier, .../ocds)',
    '',
    `Logins (wachtwoord voor allen: ${DEMO_PASSWORD}):`,
    ...summary.users.map((u) => `  ${u.email.padEnd(32)} ${u.name.padEnd(18)} ${u.what}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
});
