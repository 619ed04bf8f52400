/**
 * Walks every route of the app that takes an id and calls it, with a real id of Almere's,
 * as users of another organisation, and as Almere's own beoordelaar that is not on the
 * tender's panel: each must answer 404. The list comes from the app
 * itself, so a new route without scoping fails here without anyone adding a case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfDocument, uploadDocument } from '../helpers/documents.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { exampleProcedure } from '../helpers/procedures.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
let tenderId: string;
let reportId: string;
let tokenId: string;
let providerId: string;
let documentId: string;
let procedureId: string;

beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  const imported = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: exampleDossier() });
  tenderId = imported.body.id;
  // A bid document, received before the opening closes the bids.
  const received = await uploadDocument(
    t,
    w.almereInkoper,
    `/api/v1/tenders/${tenderId}/bids/B1/documents?envelope=quality&name=plan.pdf`,
    pdfDocument('Plan'),
  );
  expect(received.status).toBe(201);
  documentId = received.body.id;
  // State every GET needs to answer 200: the letter of B1 exists once an explanation was requested.
  expect((await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/open`)).status).toBe(200);
  const request = { action: 'request-explanation', deadline: '2026-03-16', questions: ['Hoe is de prijs opgebouwd?'] };
  expect((await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/bids/B1/low-bid-review`, request)).status).toBe(200);
  const report = await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'evaluation' });
  expect(report.status).toBe(201);
  reportId = report.body.id;
  const token = await w.almereInkoper.post('/api/v1/auth/tokens', { name: 'script' });
  expect(token.status).toBe(201);
  tokenId = token.body.id;
  const provider = await w.almereInkoper.post('/api/v1/providers', { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true });
  expect(provider.status).toBe(201);
  providerId = provider.body.id;
  const procedure = await w.almereInkoper.post(`/api/v1/procedures/import?organisationId=${w.orgs.almere}`, exampleProcedure());
  expect(procedure.status).toBe(201);
  procedureId = procedure.body.id;
});
afterAll(() => t.close());

/** Real ids per kind of path; a route this does not know must be added here, on purpose. */
function fillPath(path: string): string {
  if (path === '/api/v1/reports/:id') return `/api/v1/reports/${reportId}`;
  // Almere is a member gemeente of the regio, so its inkoper reads the regio's comparison.
  if (path === '/api/v1/regions/:id/comparison') return `/api/v1/regions/${w.orgs.regio}/comparison`;
  // A token is its owner's alone; a user is Almere's.
  if (path === '/api/v1/auth/tokens/:tokenId') return `/api/v1/auth/tokens/${tokenId}`;
  if (path === '/api/v1/users/:id' || path.startsWith('/api/v1/users/:id/')) return path.replace(':id', w.almereInkoper.userId);
  // The regio Almere belongs to; only the platform administrator changes its members.
  if (path.startsWith('/api/v1/organisations/:id/')) return path.replace(':id', w.orgs.regio);
  // A school in Almere's register.
  if (path === '/api/v1/providers/:id') return `/api/v1/providers/${providerId}`;
  // A procedure of Almere's, with its three lots.
  if (path.startsWith('/api/v1/procedures/:id')) return path.replace(':id', procedureId);
  if (!path.startsWith('/api/v1/tenders/:id')) {
    throw new Error(`no real id for ${path}: teach the tenancy test which resource it names`);
  }
  return path.replace(':id', tenderId).replace(':bidId', 'B1').replace(':criterionId', 'K1').replace(':documentId', documentId);
}

function routesWithIds(): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>();
  for (const route of t.app.routes) {
    if (route.method === 'ALL' || !route.path.includes('/:')) continue;
    seen.set(`${route.method} ${route.path}`, { method: route.method, path: route.path });
  }
  return [...seen.values()];
}

describe('tenancy', () => {
  it('finds the id routes of the app', () => {
    const listed = routesWithIds().map((r) => `${r.method} ${r.path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'GET /api/v1/tenders/:id',
        'PATCH /api/v1/tenders/:id',
        'POST /api/v1/tenders/:id/open',
        'GET /api/v1/tenders/:id/dossier',
        'GET /api/v1/tenders/:id/evaluation',
        'GET /api/v1/tenders/:id/audit-events',
        'POST /api/v1/tenders/:id/bids',
        'GET /api/v1/tenders/:id/bids',
        'PUT /api/v1/tenders/:id/bids/:bidId/consensus/:criterionId',
        'POST /api/v1/tenders/:id/bids/:bidId/documents',
        'GET /api/v1/tenders/:id/bids/:bidId/documents',
        'GET /api/v1/tenders/:id/bids/:bidId/documents/:documentId',
        'POST /api/v1/tenders/:id/bids/:bidId/low-bid-review',
        'GET /api/v1/tenders/:id/bids/:bidId/low-bid-review/letter',
        'POST /api/v1/tenders/:id/evaluators',
        'POST /api/v1/tenders/:id/conflict-declaration',
        'PUT /api/v1/tenders/:id/bids/:bidId/scores/:criterionId',
        'POST /api/v1/tenders/:id/scores/seal',
        'GET /api/v1/tenders/:id/scores',
        'GET /api/v1/tenders/:id/panel',
        'GET /api/v1/tenders/:id/consensus',
        'POST /api/v1/tenders/:id/award-decision',
        'POST /api/v1/tenders/:id/award',
        'POST /api/v1/tenders/:id/reports',
        'GET /api/v1/tenders/:id/reports',
        'GET /api/v1/reports/:id',
        'GET /api/v1/tenders/:id/recompute',
        'GET /api/v1/tenders/:id/timeline',
        'GET /api/v1/regions/:id/comparison',
        'DELETE /api/v1/auth/tokens/:tokenId',
        'POST /api/v1/users/:id/disable',
        'POST /api/v1/users/:id/enable',
        'GET /api/v1/users/:id',
        'PUT /api/v1/users/:id/memberships',
        'POST /api/v1/users/:id/password',
        'POST /api/v1/organisations/:id/members',
        'GET /api/v1/tenders/:id/evaluator-candidates',
        'PUT /api/v1/providers/:id',
        'GET /api/v1/procedures/:id',
        'GET /api/v1/procedures/:id/export',
        'GET /api/v1/procedures/:id/allocation',
        'PUT /api/v1/procedures/:id/award-limit',
        'DELETE /api/v1/procedures/:id',
        'POST /api/v1/procedures/:id/lots',
        'POST /api/v1/procedures/:id/lots/:lotId/settings-copy',
      ]),
    );
  });

  it('answers 404 on every id route to users of another organisation', async () => {
    const leaks: string[] = [];
    for (const { method, path } of routesWithIds()) {
      for (const [who, client] of [
        ['utrecht inkoper', w.utrechtInkoper],
        ['utrecht auditor', w.utrechtAuditor],
        ['platform admin', w.admin],
      ] as const) {
        // The platform administrator manages every user and organisation: for it none is another organisation's.
        if (who === 'platform admin' && (path.startsWith('/api/v1/users/') || path.startsWith('/api/v1/organisations/'))) continue;
        // An empty body: scoping must come before validation, or a 400 would tell that the id exists.
        const response = await client.request(method, fillPath(path), method === 'GET' ? {} : { json: {} });
        if (response.status !== 404) leaks.push(`${method} ${path} as ${who}: ${response.status}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('answers 404 on every route of the tender, and its report, to a beoordelaar of the same gemeente not on its panel', async () => {
    const leaks: string[] = [];
    // A tender's routes and its reports; the user and token routes have their own rules (a colleague is no stranger).
    // A procedure is visible only to whoever may see every one of its lots (docs/procedures.md).
    const scoped = ['/api/v1/tenders/', '/api/v1/reports/', '/api/v1/procedures/'];
    for (const { method, path } of routesWithIds().filter((r) => scoped.some((prefix) => r.path.startsWith(prefix)))) {
      const response = await w.almereBeoordelaar.request(method, fillPath(path), method === 'GET' ? {} : { json: {} });
      if (response.status !== 404) leaks.push(`${method} ${path}: ${response.status}`);
    }
    expect(leaks).toEqual([]);
  });

  it('answers the owning organisation with something other than 404 on the same ids', async () => {
    for (const { method, path } of routesWithIds().filter((r) => r.method === 'GET')) {
      const response = await w.almereInkoper.request(method, fillPath(path));
      expect(response.status, `${method} ${path}`).toBe(200);
    }
  });
});
