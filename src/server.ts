/**
 * @module
 * Starts the server (loaded by index.ts once the environment is read): open and migrate the
 * database, make sure there is a platform administrator, sign the audit chain's head, then
 * listen. `GET /health` answers only after all of that. The two slow steps of a first start,
 * the administrator's password hash (scrypt, 64 MiB) and a new development signing key, run
 * in libuv's thread pool, begun by index.ts before this code was read (first-start.ts), so
 * the start waits for the slower of them, if at all, not for both in turn (docs/build.md).
 */
import { readFileSync } from 'node:fs';
import type { X509Certificate } from 'node:crypto';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { removeInterruptedUploads } from './modules/documents/documents.service.js';
import { openDatabase, type Db } from './db/client.js';
import { startWalMaintenance } from './db/maintenance.js';
import { CONFIGURATION_PROBLEM, publicationConfig, type Env } from './env.js';
import type { FirstStart } from './first-start.js';
import { createLogger } from './lib/logger.js';
import { ensurePlatformAdmin } from './modules/users/users.service.js';
import { parseCertificateBundle } from './modules/audit/anchor-signature.js';
import { startAuditAnchoring } from './modules/audit/audit-anchor.service.js';
import { startComparisonWarmup } from './modules/regions/comparison-warmup.js';
import { redactUrl } from './reports/signing/timestamp-client.js';

/** @example await startServer(loadEnvOrExit(), beginFirstStart(env)); */
export async function startServer(env: Env, firstStart: FirstStart = {}): Promise<void> {
  const logger = createLogger({ level: env.LOG_LEVEL });

  function openOrExit(): Db {
    try {
      return openDatabase({ path: env.DATABASE_PATH });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`Kan de database ${env.DATABASE_PATH} niet openen: ${reason}\n`);
      process.exit(1);
    }
  }
  const db = openOrExit();
  const wal = startWalMaintenance(db, { logger });

  const signing = env.SIGNING_P12 === undefined ? undefined : ({ kind: 'p12', path: env.SIGNING_P12, password: env.SIGNING_P12_PASSWORD ?? '' } as const);

  function previousCertificatesOrExit(path: string | undefined): X509Certificate[] {
    if (path === undefined) return [];
    try {
      return parseCertificateBundle(readFileSync(path));
    } catch (error) {
      process.stderr.write(`${CONFIGURATION_PROBLEM}SIGNING_PREVIOUS_CERTIFICATES: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
  }
  const previousSigningCertificates = previousCertificatesOrExit(env.SIGNING_PREVIOUS_CERTIFICATES);
  const publication = publicationConfig(env);
  if (publication.developmentDefaults.length > 0) {
    // Fine on a developer's machine; a published OCDS package or API description would name a
    // host, publisher and contact that are not this server's.
    logger.warn('standaardwaarden voor ontwikkeling in gebruik: stel deze in voordat u publiceert', { unset: publication.developmentDefaults });
  }
  const { app, ctx, prepareSigner } = createApp({
    db,
    logger,
    config: {
      cookieSecure: env.COOKIE_SECURE,
      trustProxy: env.TRUST_PROXY,
      ...(env.DOCUMENT_MAX_BYTES === undefined ? {} : { documentMaxBytes: env.DOCUMENT_MAX_BYTES }),
      ...publication.config,
    },
    previousSigningCertificates,
    ...(signing ? { signing } : {}),
    ...(env.TSA_URL === undefined ? {} : { timestamping: { url: env.TSA_URL } }),
    ...(firstStart.developmentKey === undefined ? {} : { developmentKey: firstStart.developmentKey }),
  });
  // Before the first request: no upload can be in progress yet.
  removeInterruptedUploads(ctx);
  // Load the certificate now: a wrong SIGNING_P12 or password must stop the start, not the first
  // report. A P12 is read and checked before `prepareSigner` returns, so a wrong one stops the
  // start before any administrator is made; a development key is generated while the
  // administrator's password is hashed.
  const signerReady = prepareSigner().catch((error: unknown) => {
    process.stderr.write(`${CONFIGURATION_PROBLEM}SIGNING_P12: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
  const adminReady = ensurePlatformAdmin(ctx, {
    email: env.ADMIN_EMAIL,
    password: env.ADMIN_PASSWORD,
    ...(firstStart.admin === undefined ? {} : { prepared: firstStart.admin }),
  });
  await signerReady;
  logger.info(
    env.TSA_URL === undefined
      ? 'rapporten worden ondertekend als PAdES B-B, zonder betrouwbaar tijdstip; zet TSA_URL voor tijdstempels volgens RFC 3161 (B-T)'
      : 'rapporten worden ondertekend als PAdES B-T, met een tijdstempel volgens RFC 3161',
    { signatureLevel: ctx.signer().signatureLevel, ...(env.TSA_URL === undefined ? {} : { tsa: redactUrl(new URL(env.TSA_URL)) }) },
  );

  const admin = await adminReady;
  if (admin.created && admin.generatedPassword !== null) {
    // stdout, once: the operator must copy it now; it is stored only as a hash.
    process.stdout.write(
      `Platformbeheerder aangemaakt: ${admin.email}\nEenmalig gegenereerd wachtwoord: ${admin.generatedPassword}\nBewaar het nu; het wordt niet opnieuw getoond.\n`,
    );
  } else if (admin.created) {
    logger.info('platformbeheerder aangemaakt', { email: admin.email });
  }

  // Sign the head now (the chain may have grown since the last stop, or the certificate changed), then hourly.
  const anchoring = startAuditAnchoring(ctx);

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    logger.info('bereikbaar', { url: `http://${env.HOST}:${info.port}`, database: env.DATABASE_PATH });
  });
  // After `/health` can answer: the warm-up yields to every request (comparison-warmup.ts).
  const warmupStarted = performance.now();
  const warmup = startComparisonWarmup(ctx);
  warmup.done.then(
    (tenders) => logger.info('regiovergelijking voorbereid', { tenders, ms: Math.round(performance.now() - warmupStarted) }),
    (error: unknown) =>
      logger.warn('regiovergelijking niet voorbereid; de eerste vergelijking leest alles zelf', {
        reason: error instanceof Error ? error.message : String(error),
      }),
  );

  /** Sign the final head (when it moved), then close the database so the WAL is checkpointed. */
  function closeDatabase(): void {
    warmup.stop();
    anchoring.stop();
    db.close();
  }

  /** Stop accepting requests, then close the database. */
  function shutdown(signal: string): void {
    logger.info('wordt afgesloten', { signal });
    wal.stop();
    server.close(() => {
      closeDatabase();
      process.exit(0);
    });
    // Keep-alive connections can hold close() open; do not hang forever.
    setTimeout(() => {
      closeDatabase();
      process.exit(0);
    }, 5000).unref();
  }
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
