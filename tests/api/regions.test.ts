/**
 * `GET /api/v1/regions/:id/comparison`: who may see it, what it counts and how the filters
 * work, on three tenders of Regio Flevoland and its gemeenten (and one of Utrecht that must
 * not count), as Almere's users see them: the regio's tender T1 and Almere's own open T2
 * (Lelystad's draft counts for nobody; whose tenders count for whom is in
 * comparison-confidentiality.test.ts). B1-route prices per learner: 3000, 5400, 5600, 5800,
 * 6000, 6200, so Q1 = 5400, median 5700, Q3 = 6000, IQR 600 and the lower fence
 * 5400 - 900 = 4500: Inburgering Direct (3000) lies below it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/domain/evaluation/dossier.js';
import type { TestClient } from '../helpers/client.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { createMember, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';

const TAALHUIS = { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true };
const NT2 = { name: 'NT2 Centrum Almere', kvk: '30234567', keurmerk: true };
const DIRECT = { name: 'Inburgering Direct', kvk: '30345678', keurmerk: true };
const LINGUA = { name: 'Lingua Nova', kvk: '30456789', keurmerk: true };

const scores = (s: number) => ({ K1: s, K2: s, K3: s, K4: s });

function dossier(reference: string, lot: string, learners: number, bids: { provider: typeof TAALHUIS; price: number; score: number }[]): Dossier {
  const base = exampleDossier();
  return {
    ...base,
    tender: { ...base.tender, reference, lot, estimatedValue: learners * 6000, expectedLearners: learners },
    bids: bids.map((bid, i) => ({ id: `B${i + 1}`, provider: bid.provider, price: bid.price, scores: scores(bid.score) })),
  };
}

let t: TestApp;
let w: World;
let regioAuditor: TestClient;
const ids: Record<'t1' | 't2' | 't3' | 'utrecht', string> = { t1: '', t2: '', t3: '', utrecht: '' };

async function importTender(client: TestClient, organisationId: string, body: Dossier): Promise<string> {
  const response = await client.post('/api/v1/tenders/import', { organisationId, dossier: body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

const comparison = (client: TestClient, query = '') => client.get(`/api/v1/regions/${w.orgs.regio}/comparison${query}`);

beforeAll(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
  regioAuditor = await createMember(t, w.admin, { organisationId: w.orgs.regio, role: 'auditor' });

  // T1, the regio's, opened on 2 March 2025 and decided: Taalhuis wins on quality.
  t.clock.set('2025-03-02T09:00:00Z');
  ids.t1 = await importTender(
    w.regioInkoper,
    w.orgs.regio,
    dossier('FLV-2025-B1', 'B1-route', 100, [
      { provider: TAALHUIS, price: 600000, score: 8 },
      { provider: NT2, price: 580000, score: 6 },
      { provider: LINGUA, price: 620000, score: 6 },
    ]),
  );
  expect((await w.regioInkoper.post(`/api/v1/tenders/${ids.t1}/open`)).status).toBe(200);
  const decided = await w.regioInkoper.post(`/api/v1/tenders/${ids.t1}/award-decision`);
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  expect(decided.body.winner).toBe('B1');

  // T2, Almere's, opened on 2 March 2026: Inburgering Direct at 3000 per learner is flagged.
  t.clock.set('2026-03-02T09:00:00Z');
  ids.t2 = await importTender(
    w.almereInkoper,
    w.orgs.almere,
    dossier('ALM-2026-B1', 'B1-route', 100, [
      { provider: TAALHUIS, price: 560000, score: 6 },
      { provider: NT2, price: 540000, score: 6 },
      { provider: DIRECT, price: 300000, score: 4 },
    ]),
  );
  expect((await w.almereInkoper.post(`/api/v1/tenders/${ids.t2}/open`)).status).toBe(200);

  // T3, Lelystad's Z-route, still a draft made on 1 May 2026.
  t.clock.set('2026-05-01T09:00:00Z');
  ids.t3 = await importTender(
    w.lelystadInkoper,
    w.orgs.lelystad,
    dossier('LLS-2026-Z', 'Z-route', 50, [
      { provider: TAALHUIS, price: 450000, score: 10 },
      { provider: NT2, price: 430000, score: 8 },
    ]),
  );

  // Utrecht is not in the region: its very low bid must not count.
  ids.utrecht = await importTender(
    w.utrechtInkoper,
    w.orgs.utrecht,
    dossier('UTR-2026-B1', 'B1-route', 100, [
      { provider: DIRECT, price: 100000, score: 4 },
      { provider: NT2, price: 500000, score: 6 },
    ]),
  );
});
afterAll(() => t.close());

describe('who may see the comparison', () => {
  it('answers the regio, its member gemeenten and their auditors and admins', async () => {
    for (const client of [w.regioInkoper, w.almereInkoper, w.lelystadInkoper, w.almereAuditor, regioAuditor, w.almereAdmin]) {
      const response = await comparison(client);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.region).toEqual({
        id: w.orgs.regio,
        name: 'Regio Flevoland',
        members: [
          { id: w.orgs.almere, name: 'Gemeente Almere' },
          { id: w.orgs.lelystad, name: 'Gemeente Lelystad' },
        ],
      });
    }
  });

  it('refuses a beoordelaar (403): the comparison shows prices', async () => {
    const response = await comparison(w.almereBeoordelaar);
    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/beoordelaar/);
  });

  it('answers 404 to another organisation, the platform administrator and an unknown id', async () => {
    for (const client of [w.utrechtInkoper, w.utrechtAuditor, w.admin]) expect((await comparison(client)).status).toBe(404);
    expect((await w.regioInkoper.get('/api/v1/regions/bestaat-niet/comparison')).status).toBe(404);
    expect((await w.regioInkoper.get(`/api/v1/regions/${w.orgs.utrecht}/comparison`)).status).toBe(404);
  });

  it("answers a gemeente's id with 404, naming the regio to its own users only", async () => {
    const own = await w.almereInkoper.get(`/api/v1/regions/${w.orgs.almere}/comparison`);
    expect(own.status).toBe(404);
    expect(own.body.detail).toBe(
      `Gemeente Almere is een gemeente, geen regio: de regiovergelijking bestaat alleen voor een regio. Vraag de vergelijking op bij Regio Flevoland (${w.orgs.regio}).`,
    );
    const other = await w.utrechtInkoper.get(`/api/v1/regions/${w.orgs.almere}/comparison`);
    expect(other.status).toBe(404);
    expect(other.body.detail).toBe(`regio ${w.orgs.almere} niet gevonden`);
  });
});

describe('what it counts', () => {
  it('flags the provider below the B1-route lower fence, with the quartiles', async () => {
    const { body } = await comparison(w.almereAuditor);
    expect(body).toMatchObject({ bids: 6, tenders: 2 });
    // Tenders on their own count in every figure but are not listed among the lots of procedures.
    expect(body.lots).toEqual([]);
    const b1 = body.routes.find((r: { route: string }) => r.route === 'B1-route');
    const fence = { method: 'median-of-halves', count: 6, q1: 5400, median: 5700, q3: 6000, iqr: 600, lowerFence: 4500 };
    expect(b1).toEqual({
      route: 'B1-route',
      bids: 6,
      tenders: 2,
      pricedBids: 6,
      pricePerLearner: { count: 6, median: 5700, min: 3000, max: 6200 },
      lowerFence: fence,
      flaggedProviders: ['30345678'],
      trend: [
        { year: '2025', count: 3, median: 6000, min: 5800, max: 6200 },
        { year: '2026', count: 3, median: 5400, min: 3000, max: 5600 },
      ],
    });
    const direct = body.providers.find((p: { kvk: string }) => p.kvk === DIRECT.kvk);
    expect(direct).toMatchObject({
      name: 'Inburgering Direct',
      bids: 1,
      wins: 0,
      tenders: 1,
      flagged: 1,
      crossTenderFlagged: true,
      reviewOutcomes: { accepted: 0, rejected: 0, pending: 0, notReviewed: 1 },
    });
    expect(direct.meanQualityFraction).toBeCloseTo(0.4, 12);
    expect(direct.routes[0].crossTenderFlag).toMatchObject({
      rule: 'below-regional-lower-fence',
      route: 'B1-route',
      providerMedian: 3000,
      providerBids: 1,
      bidsBelowFence: 1,
      region: fence,
    });
    expect(direct.routes[0].crossTenderFlag.shareBelowFence).toBeCloseTo(1500 / 4500, 12);
  });

  it('counts bids, wins of award decisions, prices per learner and quality per provider', async () => {
    const { body } = await comparison(w.almereInkoper);
    expect(body.providers.map((p: { name: string }) => p.name)).toEqual(['Inburgering Direct', 'Lingua Nova', 'NT2 Centrum Almere', 'Taalhuis Flevoland']);
    const taalhuis = body.providers.find((p: { kvk: string }) => p.kvk === TAALHUIS.kvk);
    expect(taalhuis).toMatchObject({ bids: 2, wins: 1, tenders: 2, excluded: 0, flagged: 0, crossTenderFlagged: false });
    // Quality fractions 0.8 (T1, from its award decision) and 0.6 (T2: the engine on its dossier).
    expect(taalhuis.meanQualityFraction).toBeCloseTo(0.7, 12);
    expect(taalhuis.routes).toEqual([
      {
        route: 'B1-route',
        bids: 2,
        wins: 1,
        meanQualityFraction: expect.closeTo(0.7, 12),
        pricePerLearner: { count: 2, median: 5800, min: 5600, max: 6000 },
        crossTenderFlag: null,
      },
    ]);
    // Lelystad's Z-route draft has no final bids: it counts for nobody, its own inkoper included.
    expect(body.routes.map((r: { route: string }) => r.route)).toEqual(['B1-route']);
    expect((await comparison(w.lelystadInkoper, '?route=Z-route')).body).toMatchObject({ bids: 0, tenders: 0, routes: [] });
  });

  it('follows the art. 2.116 review as soon as it is recorded', async () => {
    const inkoper = w.almereInkoper;
    const base = `/api/v1/tenders/${ids.t2}/bids/B3/low-bid-review`;
    t.clock.set('2026-03-03T09:00:00Z');
    expect((await inkoper.post(base, { action: 'request-explanation', deadline: '2026-03-17', questions: ['Hoe is de prijs opgebouwd?'] })).status).toBe(200);
    let direct = (await comparison(w.almereAuditor)).body.providers.find((p: { kvk: string }) => p.kvk === DIRECT.kvk);
    expect(direct.reviewOutcomes).toEqual({ accepted: 0, rejected: 0, pending: 1, notReviewed: 0 });
    t.clock.set('2026-03-10T09:00:00Z');
    expect((await inkoper.post(base, { action: 'record-explanation', explanation: 'Wij rekenen met groepen van twintig inburgeraars.' })).status).toBe(200);
    const decided = await inkoper.post(base, {
      action: 'decide',
      decision: 'rejected',
      motivation: 'Groepen van twintig zijn voor de B1-route niet verantwoord.',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    direct = (await comparison(w.almereAuditor)).body.providers.find((p: { kvk: string }) => p.kvk === DIRECT.kvk);
    expect(direct).toMatchObject({
      excluded: 1,
      flagged: 1,
      reviewOutcomes: { accepted: 0, rejected: 1, pending: 0, notReviewed: 0 },
      crossTenderFlagged: true,
    });
  });
});

describe('filters', () => {
  it('filters on route, period (opening day) and status', async () => {
    const counts = async (query: string) => {
      const response = await comparison(w.almereInkoper, query);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return { bids: response.body.bids, tenders: response.body.tenders, filters: response.body.filters };
    };
    expect(await counts('?route=B1-route')).toEqual({ bids: 6, tenders: 2, filters: { route: 'B1-route' } });
    expect(await counts('?from=2026-01-01')).toEqual({ bids: 3, tenders: 1, filters: { from: '2026-01-01' } });
    expect(await counts('?from=2025-03-02&to=2026-03-02')).toMatchObject({ bids: 6, tenders: 2 });
    expect(await counts('?to=2025-03-01')).toMatchObject({ bids: 0, tenders: 0 });
    expect(await counts('?status=award-proposed')).toEqual({ bids: 3, tenders: 1, filters: { statuses: ['award-proposed'] } });
    expect(await counts('?status=draft,open')).toMatchObject({ bids: 3, tenders: 1 });
    expect(await counts('?status=draft')).toMatchObject({ bids: 0, tenders: 0 });
  });

  it('answers the fence of the filtered bids only', async () => {
    const { body } = await comparison(w.almereInkoper, '?from=2026-01-01&route=B1-route');
    expect(body.routes[0]).toMatchObject({ route: 'B1-route', pricedBids: 3, lowerFence: null });
    expect(body.providers.every((p: { crossTenderFlagged: boolean }) => !p.crossTenderFlagged)).toBe(true);
  });

  it('rejects a malformed date, an unknown status, a reversed period and unknown parameters (400)', async () => {
    const problems = async (query: string) => {
      const response = await comparison(w.regioInkoper, query);
      expect(response.status).toBe(400);
      return response.body.errors.map((e: { path: string }) => e.path);
    };
    expect(await problems('?from=2026-02-30')).toEqual(['query.from']);
    expect(await problems('?status=open,gegund')).toEqual(['query.status']);
    expect(await problems('?from=2026-06-01&to=2026-01-01')).toEqual(['query.to']);
    expect(await problems('?jaar=2026')).toEqual(['query.jaar']);
  });
});
