/**
 * @module
 * Every module's prepared queries, built once per database connection.
 */
import type { Db } from '../db/client.js';
import { createAuditQueries } from './audit/audit.queries.js';
import { createAuthQueries } from './auth/auth.queries.js';
import { createBidQueries } from './bids/bids.queries.js';
import { createDocumentQueries } from './documents/documents.queries.js';
import { createOrganisationQueries } from './organisations/organisations.queries.js';
import { createPanelQueries } from './panel/panel.queries.js';
import { createProcedureQueries } from './procedures/procedures.queries.js';
import { createProviderQueries } from './providers/providers.queries.js';
import { createReportQueries } from './reports/reports.queries.js';
import { createRegionQueries } from './regions/regions.queries.js';
import { createAuditorQueries } from './auditor/auditor.queries.js';
import { createTenderQueries } from './tenders/tenders.queries.js';
import { createUserQueries } from './users/users.queries.js';

export function createQueries(db: Db) {
  return {
    audit: createAuditQueries(db.orm, db.sqlite),
    auth: createAuthQueries(db.orm),
    bids: createBidQueries(db.orm),
    documents: createDocumentQueries(db.orm, db.sqlite),
    organisations: createOrganisationQueries(db.orm),
    panel: createPanelQueries(db.orm),
    procedures: createProcedureQueries(db.orm),
    providers: createProviderQueries(db.orm),
    reports: createReportQueries(db.orm),
    regions: createRegionQueries(db.sqlite),
    auditor: createAuditorQueries(db.orm),
    tenders: createTenderQueries(db.orm),
    users: createUserQueries(db.orm),
  };
}

export type Queries = ReturnType<typeof createQueries>;

declare module '../http/types.js' {
  interface AppContext {
    /** Every module's prepared queries on this app's database. */
    queries: Queries;
  }
}
