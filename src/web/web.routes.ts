/**
 * @module
 * The Dutch pages under `/`, next to the JSON API under `/api/v1`, on the same services and
 * the same session cookie. Each page path gets the API's own guards: a body limit, the
 * same-origin check on every form post (`http/csrf.ts`), `authenticate`, and for one
 * tender's pages `tenderScope` (404 for a tender that is not yours). Only page paths reach
 * this app (`mount-pages.ts`), so none of this runs a second time for the API.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { limitBody } from '../http/body-limit.js';
import { authenticate } from '../http/authenticate.js';
import { rejectCrossSiteRequests } from '../http/csrf.js';
import type { AppContext, AppEnv } from '../http/types.js';
import { PAGE_AREAS, PAGE_ROOTS } from './page-paths.js';
import { AppError } from '../lib/app-error.js';
import { resolveActor } from '../modules/auth/auth.service.js';
import { tenderScope } from '../modules/tenders/tender-access.js';
import { cachePages } from './page-cache.js';
import { createPageErrorHandler } from './page-errors.js';
import { bidPages } from './pages/bids.js';
import { priceOpeningPages } from './pages/price-opening.js';
import { loginPages } from './pages/login.js';
import { newTenderPages } from './pages/tender-new.js';
import { resultsPages } from './pages/results.js';
import { panelPages } from './pages/panel.js';
import { scoringPages } from './pages/scoring.js';
import { consensusPages } from './pages/consensus.js';
import { auditPages } from './pages/audit.js';
import { controlPages } from './pages/control.js';
import { regionComparisonPages } from './pages/region-comparison.js';
import { reportPages } from './pages/reports.js';
import { tenderListPages } from './pages/tender-list.js';
import { tenderOverviewPages } from './pages/tender-overview.js';
import { tenderSettingsPages } from './pages/tender-settings.js';
import { tenderDeletePages } from './pages/tender-delete.js';
import { bidChangePages } from './pages/bid-change.js';
import { bidCorrectionPages } from './pages/bid-correction.js';
import { accountPages } from './pages/account.js';
import { procedurePages } from './pages/procedure.js';
import { newProcedurePages } from './pages/procedure-new.js';
import { procedureLotPages } from './pages/procedure-lots.js';
import { procedureAwardLimitPages } from './pages/procedure-award-limit.js';
import { procedurePanelPages } from './pages/procedure-panel.js';
import { adminOrganisationPages } from './pages/admin/organisations.js';
import { adminUserPages } from './pages/admin/user.js';
import { adminUserListPages } from './pages/admin/users.js';

/** A sheet of bids or a signed PDF is larger than any JSON body; 10 MiB is still no attack surface. */
const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * The one page whose body may exceed the limit: a bid document (25 MB by default). Its route
 * checks the caller, the tender, the bid and the declared length before it reads a byte, and
 * the receipt counts the bytes as they stream (`precheckFormReceipt`, documents.service.ts),
 * as app.ts does for the API's upload route.
 */
const DOCUMENT_UPLOAD_PAGE = /^\/aanbestedingen\/[^/]+\/inschrijvingen\/[^/]+\/documenten$/;

export function webRoutes(ctx: AppContext) {
  const web = new Hono<AppEnv>();
  const pageLimit = limitBody(UPLOAD_LIMIT_BYTES, `Het verzoek is groter dan ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MiB.`);
  const guards: MiddlewareHandler<AppEnv>[] = [
    (c, next) => (c.req.method === 'POST' && DOCUMENT_UPLOAD_PAGE.test(c.req.path) ? next() : pageLimit(c, next)),
    rejectCrossSiteRequests(),
    authenticate((credentials) => resolveActor(ctx, credentials)),
  ];
  for (const path of PAGE_ROOTS) web.use(path, ...guards);
  // `/x/*` also matches `/x` in Hono: listing both would run the guards twice.
  for (const area of PAGE_AREAS) web.use(`${area}/*`, ...guards);
  // Also covers `/aanbestedingen/:id` itself.
  web.use('/aanbestedingen/:id/*', tenderScope(ctx));
  // After the access resolution, so that a kept page is only served to whom it was made for (page-cache.ts).
  web.use('/aanbestedingen/:id/*', cachePages(ctx));

  web.route('/', loginPages(ctx));
  web.route('/', tenderListPages(ctx));
  web.route('/', newTenderPages(ctx));
  web.route('/', tenderOverviewPages(ctx));
  web.route('/', tenderSettingsPages(ctx));
  web.route('/', bidPages(ctx));
  web.route('/', bidChangePages(ctx));
  web.route('/', bidCorrectionPages(ctx));
  web.route('/', tenderDeletePages(ctx));
  web.route('/', resultsPages(ctx));
  web.route('/', priceOpeningPages(ctx));
  web.route('/', panelPages(ctx));
  web.route('/', scoringPages(ctx));
  web.route('/', consensusPages(ctx));
  web.route('/', auditPages(ctx));
  web.route('/', controlPages(ctx));
  web.route('/', regionComparisonPages(ctx));
  web.route('/', reportPages(ctx));
  web.route('/', adminUserListPages(ctx));
  web.route('/', adminUserPages(ctx));
  web.route('/', adminOrganisationPages(ctx));
  web.route('/', accountPages(ctx));
  web.route('/', procedurePages(ctx));
  web.route('/', newProcedurePages(ctx));
  web.route('/', procedureLotPages(ctx));
  web.route('/', procedureAwardLimitPages(ctx));
  web.route('/', procedurePanelPages(ctx));

  web.onError(createPageErrorHandler(ctx.logger));
  // A page path nothing answers: the HTML "niet gevonden" page, not the API's problem JSON.
  web.notFound((c) => createPageErrorHandler(ctx.logger)(new AppError('not-found', { detail: 'Deze pagina bestaat niet.' }), c));
  return web;
}
