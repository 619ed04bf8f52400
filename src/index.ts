/**
 * @module
 * Starts the server: read the environment, open and migrate the database, make sure there
 * is a platform administrator, then listen. `GET /health` answers only after all of that.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { openDatabase, type Db } from './db/client.js';
import { startWalMaintenance } from './db/maintenance.js';
import { loadEnvOrExit, publicationConfig } from './env.js';
import { createLogger } from './lib/logger.js';
import { ensurePlatformAdmin } from './modules/users/users.service.js';

const env = loadEnvOrExit();
const logger = createLogger({ level: env.LOG_LEVEL });

function openOrExit(): Db {
  try {
    return openDatabase({ path: env.DATABASE_PATH });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Cannot open database ${env.DATABASE_PATH}: ${reason}\n`);
    process.exit(1);
  }
}
const db = openOrExit();
const wal = startWalMaintenance(db, { logger });

const signing =
  env.SIGNING_P12 === undefined
    ? undefined
    : ({ kind: 'p12', path: env.SIGNING_P12, password: env.SIGNING_P12_PASSWORD ?? '' } as const);
const publication = publicationConfig(env);
if (publication.developmentDefaults.length > 0) {
  // Fine on a developer's machine; a published OCDS package or API description would name a
  // host, publisher and contact that are not this server's.
  logger.warn('development defaults in use: set these before publishing', { unset: publication.developmentDefaults });
}
const { app, ctx } = createApp({
  db,
  logger,
  config: { cookieSecure: env.COOKIE_SECURE, ...publication.config },
  ...(signing ? { signing } : {}),
});
// Load the certificate now: a wrong SIGNING_P12 or password must stop the start, not the first report.
try {
  ctx.signer();
} catch (error) {
  process.stderr.write(`Invalid configuration: SIGNING_P12: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const admin = await ensurePlatformAdmin(ctx, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
if (admin.created && admin.generatedPassword !== null) {
  // stdout, once: the operator must copy it now; it is stored only as a hash.
  process.stdout.write(
    `Platform administrator created: ${admin.email}\nOne-time generated password: ${admin.generatedPassword}\n` +
      'Store it now; it is not shown again.\n',
  );
} else if (admin.created) {
  logger.info('platform administrator created', { email: admin.email });
}

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  logger.info('listening', { url: `http://${env.HOST}:${info.port}`, database: env.DATABASE_PATH });
});

/** Stop accepting requests, then close the database so the WAL is checkpointed. */
function shutdown(signal: string): void {
  logger.info('shutting down', { signal });
  wal.stop();
  server.close(() => {
    db.close();
    process.exit(0);
  });
  // Keep-alive connections can hold close() open; do not hang forever.
  setTimeout(() => {
    db.close();
    process.exit(0);
  }, 5000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
