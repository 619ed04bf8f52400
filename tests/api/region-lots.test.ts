/**
 * The regional comparison per lot (route) (issue 21, docs/procedures.md "Per lot in the
 * region"): Regio Flevoland imports the three-lot example as procedure ZWL-2027-INB, Almere a
 * second procedure ALM-2027-INB whose B1 lot is written `B1 route` and priced 10 % higher; all
 * six lots are opened. As Almere's inkoper sees them (the regio's lots through its membership,
 * its own from opening):
 * - B1-route prices per learner: 3612.5, 5650, 5850, 6187.5 (ZWL, 80 inburgeraars) and
 *   3973.75, 6215, 6435, 6806.25 (ALM): 8 bids, median 6018.75, Q1 4811.875, Q3 6325;
 * - Z-route (30): 3200, 4650, 4966.67 twice; onderwijsroute (40): 10450 to 11150 twice.
 * Pooled over every route the lowest price is 3200 and Q1 4808.33: the B1-route's own
 * statistics are not those.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleProcedure } from '../helpers/procedures.js';
import type { TestClient } from '../helpers/client.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { visibleText } from '../web/page-client.js';

let t: TestApp;
let w: World;
const procedures = { zwl: '', alm: '' };
const lotIds: Record<'zwl' | 'alm', string[]> = { zwl: [], alm: [] };

function almereProcedure() {
  const file = exampleProcedure();
  file.procedure = { ...file.procedure, reference: 'ALM-2027-INB', title: 'Inburgering Almere 2027-2029', buyer: 'Gemeente Almere' };
  for (const lot of file.lots) lot.dossier.tender = { ...lot.dossier.tender, reference: lot.dossier.tender.reference.replace('ZWL', 'ALM') };
  const b1 = file.lots[0]?.dossier;
  if (b1 === undefined) throw new Error('example without L1');
  b1.tender = { ...b1.tender, lot: 'B1 route' };
  // Without the price lines, which add up to the old price.
  b1.bids = b1.bids.map(({ priceLines: _lines, ...bid }) => ({ ...bid, price: Math.round((bid.price ?? 0) * 110) / 100 }));
  return file;
}

async function importAndOpen(client: TestClient, organisationId: string, file: unknown): Promise<{ id: string; tenderIds: string[] }> {
  const imported = await client.post(`/api/v1/procedures/import?organisationId=${organisationId}`, file);
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const tenderIds = imported.body.lots.map((lot: { tenderId: string }) => lot.tenderId);
  for (const tenderId of tenderIds) {
    const opened = await client.post(`/api/v1/tenders/${tenderId}/open`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  }
  return { id: imported.body.id, tenderIds };
}

const comparison = (client: TestClient, query = '') => client.get(`/api/v1/regions/${w.orgs.regio}/comparison${query}`);

type Lot = { tenderId: string; route: string; lot: string; bids: number; reference: string; procedure: { reference: string; lotId: string } | null };
const rows = (lots: Lot[]) => lots.map((lot) => [lot.route, lot.procedure?.reference ?? null, lot.procedure?.lotId ?? null, lot.lot, lot.reference, lot.bids]);

beforeAll(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
  t.clock.set('2027-03-02T09:00:00Z');
  const zwl = await importAndOpen(w.regioInkoper, w.orgs.regio, exampleProcedure());
  const alm = await importAndOpen(w.almereInkoper, w.orgs.almere, almereProcedure());
  procedures.zwl = zwl.id;
  procedures.alm = alm.id;
  lotIds.zwl = zwl.tenderIds;
  lotIds.alm = alm.tenderIds;
});
afterAll(() => t.close());

describe('the regional comparison per lot (route)', () => {
  it('names every lot counted with its route and procedure (routes in code-unit order, as `routes`), the B1 lots of both procedures on one route', async () => {
    const response = await comparison(w.almereInkoper);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.tenders).toBe(6);
    expect(rows(response.body.lots)).toEqual([
      ['B1-route', 'ALM-2027-INB', 'L1', 'B1 route', 'ALM-2027-INB-B1', 4],
      ['B1-route', 'ZWL-2027-INB', 'L1', 'B1-route', 'ZWL-2027-INB-B1', 4],
      ['Z-route', 'ALM-2027-INB', 'L3', 'Z-route', 'ALM-2027-INB-Z', 3],
      ['Z-route', 'ZWL-2027-INB', 'L3', 'Z-route', 'ZWL-2027-INB-Z', 3],
      ['onderwijsroute', 'ALM-2027-INB', 'L2', 'onderwijsroute', 'ALM-2027-INB-OR', 3],
      ['onderwijsroute', 'ZWL-2027-INB', 'L2', 'onderwijsroute', 'ZWL-2027-INB-OR', 3],
    ]);
    expect(response.body.lots[0].procedure).toEqual({ id: procedures.alm, reference: 'ALM-2027-INB', title: 'Inburgering Almere 2027-2029', lotId: 'L1' });
    expect(response.body.lots[1].tenderId).toBe(lotIds.zwl[0]);
    expect(response.body.routes.map((route: { route: string }) => route.route)).toEqual(['B1-route', 'Z-route', 'onderwijsroute']);
  });

  it('the B1 filter, in any spelling, returns exactly the B1 lots of both procedures', async () => {
    for (const route of ['B1-route', 'b1 route', 'B1_ROUTE']) {
      const response = await comparison(w.almereInkoper, `?route=${encodeURIComponent(route)}`);
      expect(response.status).toBe(200);
      expect(response.body.lots.map((lot: Lot) => lot.tenderId)).toEqual([lotIds.alm[0], lotIds.zwl[0]]);
      expect(response.body.bids).toBe(8);
      expect(response.body.routes.map((r: { route: string }) => r.route)).toEqual(['B1-route']);
    }
    const none = await comparison(w.almereInkoper, '?route=B1-route%20Zwolle');
    expect(none.body).toMatchObject({ bids: 0, tenders: 0, lots: [], routes: [] });
  });

  it("computes the statistics per route: the Z-route's prices do not move the B1-route's", async () => {
    const { routes } = (await comparison(w.almereInkoper)).body;
    const b1 = routes.find((r: { route: string }) => r.route === 'B1-route');
    expect(b1).toMatchObject({ bids: 8, tenders: 2, pricedBids: 8, pricePerLearner: { count: 8, median: 6018.75, min: 3612.5, max: 6806.25 } });
    expect(b1.lowerFence).toMatchObject({ q1: 4811.875, median: 6018.75, q3: 6325 });
    const z = routes.find((r: { route: string }) => r.route === 'Z-route');
    expect(z.pricePerLearner).toMatchObject({ count: 6, min: 3200 });
    // Pooled over every route, as a comparison without routes would count: 20 bids, lowest 3200, Q1 4808.33.
    const pooled = routes.reduce((sum: number, r: { pricedBids: number }) => sum + r.pricedBids, 0);
    expect(pooled).toBe(20);
    expect(b1.pricePerLearner.min).not.toBe(3200);
    expect(b1.lowerFence.q1).not.toBeCloseTo(4808.33, 1);
    // A school's B1-route median is of its B1 bids alone (NT2 Centrum Zwolle: 6187.5 and 6806.25).
    const zwolle = (await comparison(w.almereInkoper)).body.providers.find((p: { kvk: string }) => p.kvk === '05234567');
    expect(zwolle.routes.find((r: { route: string }) => r.route === 'B1-route').pricePerLearner).toEqual({
      count: 2,
      median: 6496.875,
      min: 6187.5,
      max: 6806.25,
    });
  });

  it("shows another gemeente of the regio only the lots it saw before: the regio's, not Almere's open ones", async () => {
    const response = await comparison(w.lelystadInkoper);
    expect(response.status).toBe(200);
    expect(rows(response.body.lots).map((row) => row[1])).toEqual(['ZWL-2027-INB', 'ZWL-2027-INB', 'ZWL-2027-INB']);
    expect(response.body.bids).toBe(10);
    expect(JSON.stringify(response.body)).not.toContain('ALM-2027-INB');
  });

  it('answers 404 to an organisation outside the regio, whatever the route', async () => {
    expect((await comparison(w.utrechtInkoper, '?route=B1-route')).status).toBe(404);
  });

  it('the page shows the lots per route with their procedure, and selects a route asked in another spelling under its name', async () => {
    const response = await w.almereInkoper.get(`/regio/${w.orgs.regio}/vergelijking?route=b1%20route`);
    expect(response.status).toBe(200);
    const html = response.body as string;
    const text = visibleText(html);
    expect(text).toContain('Per perceel');
    expect(text).toContain('B1-route ALM-2027-INB Inburgering Almere 2027-2029 L1 (B1 route) ALM-2027-INB-B1');
    expect(text).toContain('B1-route ZWL-2027-INB Inburgering regio IJsselland 2027-2029 L1 (B1-route) ZWL-2027-INB-B1');
    expect(text).not.toContain('ZWL-2027-INB-Z');
    expect(html).toMatch(/<option value="B1-route" selected/);
    expect(html).not.toContain('value="b1 route"');
  });
});
