/**
 * @module
 * Builds the HTTP application from its dependencies. Tests import `createApp` and drive it
 * with `app.request()` on a temporary database; `index.ts` adds only the listening socket.
 */
import type { X509Certificate } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/client.js';
import { DEVELOPMENT_DEFAULTS } from './env.js';
import { apiVersionHeader } from './http/api-version.js';
import { authenticate } from './http/authenticate.js';
import { limitBody } from './http/body-limit.js';
import { rejectCrossSiteRequests } from './http/csrf.js';
import { rejectIllFormedText } from './http/well-formed-text.js';
import { serveOpenApiDocument } from './http/openapi-document.js';
import { createErrorHandler, renderProblem } from './http/problem.js';
import { answerFromRouteTable } from './http/route-table.js';
import type { AppConfig, AppContext, AppEnv, Clock } from './http/types.js';
import { AppError } from './lib/app-error.js';
import { createLogger, type Logger } from './lib/logger.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { anchorCertificates, type AnchorCertificates } from './modules/audit/anchor-signature.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { resolveActor } from './modules/auth/auth.service.js';
import { DEFAULT_SCRYPT_PARAMS } from './modules/auth/passwords.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { organisationRoutes } from './modules/organisations/organisations.routes.js';
import { providerRoutes } from './modules/providers/providers.routes.js';
import { providerScope } from './modules/providers/provider-access.js';
import { createQueries } from './modules/queries.js';
import { createComparisonCache } from './modules/regions/comparison-cache.js';
import { createEvaluationCache } from './modules/evaluation/evaluation-cache.js';
import { createCredentialCache } from './modules/auth/credential-cache.js';
import { createLoginLimiter } from './modules/auth/login-rate-limit.js';
import { createVersionedCache } from './lib/versioned-cache.js';
import type { TenderView } from './modules/tenders/tenders.service.js';
import { userRoutes } from './modules/users/users.routes.js';
import { userStatusRoutes } from './modules/users/user-status.routes.js';
import { userRoleRoutes } from './modules/users/user-roles.routes.js';
import { userScope } from './modules/users/user-access.js';
import { organisationScope } from './modules/organisations/organisation-access.js';
import { bidRoutes } from './modules/bids/bids.routes.js';
import { bidChangeRoutes } from './modules/bids/bid-changes.routes.js';
import { documentRoutes } from './modules/documents/documents.routes.js';
import { tenderScope } from './modules/tenders/tender-access.js';
import { tenderRoutes } from './modules/tenders/tenders.routes.js';
import { templateRoutes } from './modules/templates/templates.routes.js';
import { pages } from './web/mount-pages.js';
import { panelRoutes } from './modules/panel/panel.routes.js';
import { lowBidReviewRoutes } from './modules/low-bid-reviews/low-bid-reviews.routes.js';
import { awardRoutes } from './modules/award/award.routes.js';
import { procedureAwardRoutes } from './modules/award/procedure-award.routes.js';
import { procedureReportRoutes } from './modules/reports/procedure-reports.routes.js';
import { priceOpeningRoutes } from './modules/price-opening/price-opening.routes.js';
import { developmentSignerSource, lazySigner, type SignerSource } from './modules/reports/report-signer.js';
import type { TimestampAuthorityOptions } from './reports/signing/timestamp-client.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { formulaCheckRoutes } from './modules/formula-check/formula-check.routes.js';
import { ocdsRoutes } from './modules/ocds/ocds.routes.js';
import { createOcdsCache } from './modules/ocds/ocds.service.js';
import { regionRoutes } from './modules/regions/regions.routes.js';
import { auditorRoutes } from './modules/auditor/auditor.routes.js';
import { procedureScope } from './modules/procedures/procedure-access.js';
import { procedureRoutes } from './modules/procedures/procedures.routes.js';

/**
 * The API's security headers (NL API Design Rules /core/transport/security-headers): a JSON API
 * renders nothing, so every resource and all framing are forbidden outright, and nothing of
 * it is stored by a browser or a proxy, since its answers hold tender data.
 */
const secureApiHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  xFrameOptions: 'DENY',
});
const apiHeaders: MiddlewareHandler = async (c, next) => {
  await secureApiHeaders(c, next);
  if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  // A file the API serves (a bid document, a report) is never a page that runs anything.
  if (c.res.headers.has('content-disposition')) c.res.headers.set('content-security-policy', "sandbox; default-src 'none'; frame-ancestors 'none'");
};

/** The one route whose body may exceed `bodyLimitBytes`. */
const DOCUMENT_UPLOAD_PATH = /^\/api\/v1\/tenders\/[^/]+\/bids\/[^/]+\/documents$/;

export const DEFAULT_CONFIG: AppConfig = {
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 60 * 60_000,
  tokenLifetimeMs: 90 * 24 * 60 * 60_000,
  // A 200-bid dossier with price lines is well under 1 MiB; anything larger is a mistake or an attack.
  bodyLimitBytes: 1024 * 1024,
  // A bid's plan with its appendices; DOCUMENT_MAX_BYTES changes it.
  documentMaxBytes: 25 * 1024 * 1024,
  cookieSecure: false,
  loginMaxAttempts: 10,
  loginMaxFailuresPerClient: 50,
  loginWindowMs: 15 * 60_000,
  trustProxy: false,
  passwordHash: DEFAULT_SCRYPT_PARAMS,
  // Development defaults; `npm start` takes them from the environment (env.ts publicationConfig).
  publicBaseUrl: 'http://localhost:3000',
  ocidPrefix: DEVELOPMENT_DEFAULTS.ocidPrefix,
  apiContact: { name: DEVELOPMENT_DEFAULTS.contactName, email: DEVELOPMENT_DEFAULTS.contactEmail, url: 'http://localhost:3000' },
};

export type AppDeps = {
  db: Db;
  clock?: Clock;
  config?: Partial<AppConfig>;
  logger?: Logger;
  /** The certificate that signs reports; by default a development certificate beside the database. */
  signing?: SignerSource;
  /** Certificates that signed before the current one (rotation): their signed audit heads stay verifiable. */
  previousSigningCertificates?: readonly X509Certificate[];
  /** The RFC 3161 authority (`TSA_URL`) that timestamps every report; without it reports are PAdES B-B. */
  timestamping?: TimestampAuthorityOptions;
  /** A development signing key under way since the start (first-start.ts), for `prepareSigner`. */
  developmentKey?: Promise<string>;
};

export type App = ReturnType<typeof createApp>['app'];

/**
 * @example const { app, ctx } = createApp({ db: openDatabase({ path: ':memory:' }) }); await app.request('/health');
 */
export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? createLogger({ level: 'info' });
  const signer = lazySigner(deps.signing ?? developmentSignerSource(deps.db.sqlite.name), logger, deps.timestamping, deps.developmentKey);
  const config: AppConfig = { ...DEFAULT_CONFIG, ...deps.config };
  let certificates: AnchorCertificates | undefined;
  const ctx: AppContext = {
    db: deps.db,
    queries: createQueries(deps.db),
    clock: deps.clock ?? (() => new Date()),
    config,
    logger,
    evaluationCache: createEvaluationCache(),
    comparisonCache: createComparisonCache(),
    credentialCache: createCredentialCache(),
    loginLimiter: createLoginLimiter({
      maxAttempts: config.loginMaxAttempts,
      maxFailuresPerClient: config.loginMaxFailuresPerClient,
      windowMs: config.loginWindowMs,
    }),
    tenderViewCache: createVersionedCache<TenderView>({ maxEntries: 5000 }),
    ocdsCache: createOcdsCache(),
    signer: signer.get,
    anchorCertificates: () => (certificates ??= anchorCertificates(signer.get().certificateDer, deps.previousSigningCertificates)),
  };

  const app = new OpenAPIHono<AppEnv>();
  // Outermost, so that every response carries it, whatever answered (NL API Design Rules /core/version-header).
  app.use(apiVersionHeader());
  const pageHeaders = secureHeaders();
  app.use((c, next) => (c.req.path === '/api' || c.req.path.startsWith('/api/') ? apiHeaders(c, next) : pageHeaders(c, next)));
  // 404 and 405 from the route table alone come before authentication (src/http/route-table.ts).
  app.use(answerFromRouteTable(() => app.routes));
  const generalLimit = limitBody(ctx.config.bodyLimitBytes, `the body exceeds ${ctx.config.bodyLimitBytes} bytes`);
  // A bid document may be larger; its route checks the caller, the tender and the declared
  // length before it reads a byte, and counts the bytes as they stream (documents.service.ts).
  app.use('/api/*', (c, next) => (c.req.method === 'POST' && DOCUMENT_UPLOAD_PATH.test(c.req.path) ? next() : generalLimit(c, next)));
  app.use('/api/*', rejectCrossSiteRequests());
  app.use(
    '/api/*',
    authenticate((credentials) => resolveActor(ctx, credentials)),
  );
  // Before any route's validation: a tender that is not yours is 404 whatever the body says.
  app.use('/api/v1/tenders/:id/*', tenderScope(ctx));
  // The same for a user or an organisation that is not yours (user-access.ts, organisation-access.ts).
  app.use('/api/v1/users/:id/*', userScope(ctx));
  app.use('/api/v1/organisations/:id/*', organisationScope(ctx));
  app.use('/api/v1/providers/:id', providerScope(ctx));
  app.use('/api/v1/procedures/:id/*', procedureScope(ctx));
  // After scoping, so that a tender of another organisation is 404 whatever its body.
  app.use('/api/*', rejectIllFormedText());

  app.route('/', healthRoutes());
  app.route('/', authRoutes(ctx));
  app.route('/', organisationRoutes(ctx));
  app.route('/', userRoutes(ctx));
  app.route('/', userStatusRoutes(ctx));
  app.route('/', userRoleRoutes(ctx));
  app.route('/', providerRoutes(ctx));
  app.route('/', auditRoutes(ctx));
  app.route('/', templateRoutes());
  app.route('/', tenderRoutes(ctx));
  app.route('/', procedureRoutes(ctx));
  app.route('/', procedureAwardRoutes(ctx));
  app.route('/', procedureReportRoutes(ctx));
  app.route('/', bidRoutes(ctx));
  app.route('/', bidChangeRoutes(ctx));
  app.route('/', documentRoutes(ctx));
  app.use(pages(ctx));
  app.route('/', panelRoutes(ctx));
  app.route('/', lowBidReviewRoutes(ctx));
  app.route('/', awardRoutes(ctx));
  app.route('/', priceOpeningRoutes(ctx));
  app.route('/', reportRoutes(ctx));
  app.route('/', formulaCheckRoutes(ctx));
  app.route('/', ocdsRoutes(ctx));
  app.route('/', regionRoutes(ctx));
  app.route('/', auditorRoutes(ctx));

  serveOpenApiDocument(app, ctx.config.apiContact);
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'gw_session' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  app.notFound((c) => renderProblem(new AppError('not-found', { detail: `no route for ${c.req.method} ${c.req.path}` })));
  app.onError(createErrorHandler(ctx.logger));
  // `prepareSigner`: the server makes the signing certificate ready at start (index.ts).
  return { app, ctx, prepareSigner: signer.prepare };
}
