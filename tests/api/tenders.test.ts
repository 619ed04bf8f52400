import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTenderBody, exampleDossier } from '../helpers/dossiers.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
});
afterEach(() => t.close());

describe('POST /api/v1/tenders', () => {
  it('creates a draft tender from the flattened dossier fields, buyer from the organisation', async () => {
    const response = await w.almereInkoper.post('/api/v1/tenders', createTenderBody(w.orgs.almere));
    expect(response.status).toBe(201);
    const { tender, award, criteria, lowBidRules } = exampleDossier();
    expect(response.body).toEqual({
      id: expect.any(String),
      organisationId: w.orgs.almere,
      status: 'draft',
      tender: { ...tender, buyer: 'Gemeente Almere' },
      award,
      criteria,
      lowBidRules,
      showPricesToEvaluators: false,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      openedAt: null,
      awardDecision: null,
      awardedAt: null,
      priceOpening: null,
    });
  });

  it('applies the dossier rules and reports at the request paths', async () => {
    const body = createTenderBody(w.orgs.almere);
    const response = await w.almereInkoper.post('/api/v1/tenders', {
      ...body,
      reference: '',
      estimatedValue: 10.001,
      award: { method: 'lowest-relative' },
      criteria: [body.criteria[0], { ...body.criteria[1], id: 'K1' }],
    });
    expect(response.status).toBe(400);
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['reference', 'estimatedValue', 'award.priceWeight', 'criteria[1].id']));
    expect(paths.every((p) => !p.startsWith('tender.'))).toBe(true);
  });

  it('answers 404 for an organisation that is not yours and 403 for a non-inkoper member', async () => {
    expect((await w.utrechtInkoper.post('/api/v1/tenders', createTenderBody(w.orgs.almere))).status).toBe(404);
    expect((await w.almereAuditor.post('/api/v1/tenders', createTenderBody(w.orgs.almere))).status).toBe(403);
  });

  it('takes the server setting showPricesToEvaluators (default false), which stays out of the dossier', async () => {
    const response = await w.almereInkoper.post('/api/v1/tenders', { ...createTenderBody(w.orgs.almere), showPricesToEvaluators: true });
    expect(response.body.showPricesToEvaluators).toBe(true);
    const exported = await w.almereInkoper.get(`/api/v1/tenders/${response.body.id}/dossier`);
    expect(exported.body).not.toHaveProperty('showPricesToEvaluators');
    expect(exported.body.tender).not.toHaveProperty('showPricesToEvaluators');
  });

  it("lets an inkoper of a member gemeente start the regio's tender", async () => {
    const response = await w.almereInkoper.post('/api/v1/tenders', createTenderBody(w.orgs.regio));
    expect(response.status).toBe(201);
    expect(response.body.tender.buyer).toBe('Regio Flevoland');
  });
});

describe('POST /api/v1/tenders/import', () => {
  it('imports a whole dossier, keeping bid and criterion ids', async () => {
    const response = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: exampleDossier() });
    expect(response.status).toBe(201);
    const id = response.body.id as string;
    const exported = await w.almereInkoper.get(`/api/v1/tenders/${id}/dossier`);
    expect(exported.status).toBe(200);
    expect(exported.body).toEqual(exampleDossier());
  });

  it('reports problems under dossier. and writes nothing', async () => {
    const dossier = exampleDossier() as unknown as { bids: { price: unknown; scores: Record<string, unknown> }[]; extra?: boolean };
    dossier.bids[2]!.price = 'veel';
    dossier.bids[0]!.scores.K1 = 7;
    dossier.extra = true;
    const response = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier });
    expect(response.status).toBe(400);
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['dossier.bids[0].scores.K1', 'dossier.bids[2].price', 'dossier.extra']);
    expect(t.db.sqlite.prepare('SELECT count(*) AS n FROM tenders').get()).toEqual({ n: 0 });
  });

  it('rejects unknown fields in the envelope', async () => {
    const response = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: exampleDossier(), x: 1 });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'x', message: 'onbekend veld' }]);
  });
});

describe('reading tenders', () => {
  it('lists the tenders of own organisations and of regios the gemeente belongs to', async () => {
    const own = (await w.almereInkoper.post('/api/v1/tenders', createTenderBody(w.orgs.almere))).body.id;
    const regional = (await w.regioInkoper.post('/api/v1/tenders', createTenderBody(w.orgs.regio))).body.id;
    await w.utrechtInkoper.post('/api/v1/tenders', createTenderBody(w.orgs.utrecht));
    const ids = (r: { body: { id: string }[] }) => r.body.map((x) => x.id).sort();
    expect(ids(await w.almereAuditor.get('/api/v1/tenders'))).toEqual([own, regional].sort());
    expect(ids(await w.lelystadInkoper.get('/api/v1/tenders'))).toEqual([regional]);
    expect(ids(await w.regioInkoper.get('/api/v1/tenders'))).toEqual([regional]);
    expect(await w.almereBeoordelaar.get('/api/v1/tenders')).toMatchObject({ status: 200, body: [] });
  });

  it('answers GET /tenders/:id for members, 404 for others and for unknown ids', async () => {
    const id = (await w.almereInkoper.post('/api/v1/tenders', createTenderBody(w.orgs.almere))).body.id;
    expect((await w.almereAuditor.get(`/api/v1/tenders/${id}`)).body.id).toBe(id);
    expect((await w.utrechtInkoper.get(`/api/v1/tenders/${id}`)).status).toBe(404);
    expect((await w.almereInkoper.get('/api/v1/tenders/no-such-id')).status).toBe(404);
  });
});
