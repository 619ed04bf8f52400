import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateWithTheCli } from '../helpers/cli.js';
import { createTenderBody, exampleDossier, generateDossier } from '../helpers/dossiers.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
});
afterEach(() => t.close());

async function importDossier(dossier: unknown): Promise<string> {
  const response = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

/** The engine's result inside the server's: without `lowBidReview` per bid (the server's addition). */
function withoutServerFields(result: { bids: Record<string, unknown>[] }): { bids: Record<string, unknown>[]; [key: string]: unknown } {
  return { ...result, bids: result.bids.map(({ lowBidReview: _review, ...bid }) => bid) };
}

describe('GET /api/v1/tenders/:id/evaluation', () => {
  it('is, field for field, the evaluation of the exported dossier plus an empty incomplete and no pending bids', async () => {
    const id = await importDossier(exampleDossier());
    const exported = (await w.almereAuditor.get(`/api/v1/tenders/${id}/dossier`)).body;
    const response = await w.almereAuditor.get(`/api/v1/tenders/${id}/evaluation`);
    expect(response.status).toBe(200);
    const { incomplete, pendingBids, blockingReviews, ...rest } = response.body;
    expect(incomplete).toEqual([]);
    expect(pendingBids).toEqual([]);
    const result = withoutServerFields(rest);
    expect(result).toEqual(evaluateWithTheCli(exported));
    // What only the server adds: B3 is flagged and nobody has looked at it yet.
    expect(response.body.bids.find((b: { bidId: string }) => b.bidId === 'B3').lowBidReview).toEqual({ state: 'open' });
    expect(blockingReviews.map((b: { bidId: string; state: string }) => [b.bidId, b.state])).toEqual([['B3', 'open']]);
    expect(result.bids).toHaveLength(4);
    expect(result.method).toBe('lowest-relative');
  });

  it('gives the same evaluation after export and re-import of an opened tender', async () => {
    const id = await importDossier(generateDossier(20));
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
    const first = await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`);
    const exported = (await w.almereInkoper.get(`/api/v1/tenders/${id}/dossier`)).body;
    const again = await importDossier(exported);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${again}/dossier`)).body).toEqual(exported);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${again}/evaluation`)).body).toEqual(first.body);
    expect(first.body.bids.map((b: { bidId: string }) => b.bidId).sort()).toEqual(exported.bids.map((b: { id: string }) => b.id).sort());
  });

  it('lists missing consensus scores and evaluates only the complete bids meanwhile', async () => {
    const id = (await w.almereInkoper.post('/api/v1/tenders', createTenderBody(w.orgs.almere))).body.id;
    const provider = (n: number) => ({ name: `School ${n}`, kvk: `3000000${n}`, keurmerk: true });
    await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, { provider: provider(1), price: 500000 });
    await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, { provider: provider(2), price: 450000 });
    await w.almereInkoper.post(`/api/v1/tenders/${id}/open`);
    for (const k of ['K1', 'K2', 'K3', 'K4']) {
      await w.almereInkoper.put(`/api/v1/tenders/${id}/bids/B1/consensus/${k}`, { score: 8, motivation: 'Goed onderbouwd met voorbeelden.' });
    }
    await w.almereInkoper.put(`/api/v1/tenders/${id}/bids/B2/consensus/K1`, { score: 6, motivation: 'Voldoende, maar weinig concreet.' });
    const response = await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`);
    expect(response.status).toBe(200);
    expect(response.body.incomplete).toEqual([
      { bidId: 'B2', criterionId: 'K2' },
      { bidId: 'B2', criterionId: 'K3' },
      { bidId: 'B2', criterionId: 'K4' },
    ]);
    expect(response.body.bids.map((b: { bidId: string }) => b.bidId)).toEqual(['B1']);
    expect(response.body.winner).toBe('B1');
    // The partial dossier is exported as is, with the scores it has.
    const exported = (await w.almereInkoper.get(`/api/v1/tenders/${id}/dossier`)).body;
    expect(exported.bids[1].scores).toEqual({ K1: 6 });
  });

  it('follows a changed consensus score at once (the cached result is never stale)', async () => {
    const id = await importDossier(exampleDossier());
    await w.almereInkoper.post(`/api/v1/tenders/${id}/open`);
    const before = await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`)).body).toEqual(before.body);
    const b3 = (r: { body: { bids: { bidId: string; qualityPoints: number }[] } }) => r.body.bids.find((b) => b.bidId === 'B3')!;
    await w.almereInkoper.put(`/api/v1/tenders/${id}/bids/B3/consensus/K2`, { score: 10, motivation: 'Herzien na hoorzitting' });
    const after = await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`);
    expect(b3(after).qualityPoints - b3(before).qualityPoints).toBeCloseTo((20 * (10 - 4)) / 10, 9);
    expect(after.headers.get('content-type')).toBe('application/json');
  });

  it('is refused to a beoordelaar on the panel (403), and to one off it and another organisation (404)', async () => {
    const id = await importDossier(exampleDossier());
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/evaluation`)).status).toBe(404);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/evaluation`)).status).toBe(403);
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/dossier`)).status).toBe(403);
    expect((await w.utrechtAuditor.get(`/api/v1/tenders/${id}/evaluation`)).status).toBe(404);
  });
});
