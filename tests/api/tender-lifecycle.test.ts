import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTenderBody, exampleDossier } from '../helpers/dossiers.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
let id: string;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  id = (await w.almereInkoper.post('/api/v1/tenders', createTenderBody(w.orgs.almere))).body.id;
});
afterEach(() => t.close());

const bid = { provider: { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true }, price: 565000 };

describe('PATCH /api/v1/tenders/:id', () => {
  it('changes a draft tender and removes an optional field with null', async () => {
    const criteria = exampleDossier().criteria.map((c) => (c.id === 'K2' ? { ...c, weight: 22.5 } : c));
    const response = await w.almereInkoper.patch(`/api/v1/tenders/${id}`, { title: 'Nieuwe titel', estimatedValue: null, criteria });
    expect(response.status).toBe(200);
    expect(response.body.tender.title).toBe('Nieuwe titel');
    expect(response.body.tender).not.toHaveProperty('estimatedValue');
    expect(response.body.criteria[1].weight).toBe(22.5);
  });

  it('keeps the dossier rules', async () => {
    const response = await w.almereInkoper.patch(`/api/v1/tenders/${id}`, { award: { method: 'min-max-set', priceWeight: 30 } });
    expect(response.status).toBe(400);
    expect((response.body.errors as { path: string }[]).map((e) => e.path)).toContain('award.priceFloor');
  });

  it('is for the inkoper only', async () => {
    expect((await w.almereAuditor.patch(`/api/v1/tenders/${id}`, { title: 'x' })).status).toBe(403);
  });
});

describe('POST /api/v1/tenders/:id/open', () => {
  it('freezes criteria, weights, method and low-bid rules: later changes answer 409', async () => {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, bid)).status).toBe(201);
    const opened = await w.almereInkoper.post(`/api/v1/tenders/${id}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', openedAt: '2026-03-02T09:00:00.000Z' });
    for (const patch of [
      { criteria: [] },
      { award: { method: 'fixed-price', fixedPrice: 500000 } },
      { lowBidRules: { preset: 'none' } },
      { title: 'Ook de titel' },
    ]) {
      const response = await w.almereInkoper.patch(`/api/v1/tenders/${id}`, patch);
      expect(response.status).toBe(409);
      expect(response.body.type).toBe('/problems/tender-locked');
    }
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(409);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, bid)).status).toBe(409);
  });
});

describe('bids', () => {
  it('gives the next free B<n> and keeps a given id', async () => {
    const first = await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, bid);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: 'B1', ...bid, scores: {} });
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, { ...bid, id: 'B7' })).body.id).toBe('B7');
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, bid)).body.id).toBe('B8');
    const duplicate = await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, { ...bid, id: 'B7' });
    expect(duplicate.status).toBe(409);
    const list = await w.almereAuditor.get(`/api/v1/tenders/${id}/bids`);
    expect(list.body.map((b: { id: string }) => b.id)).toEqual(['B1', 'B7', 'B8']);
  });

  it('numbers past B010 and ignores ids that are not B<n>', async () => {
    for (const given of ['B010', 'X99', 'B12a']) expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, { ...bid, id: given })).status).toBe(201);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, bid)).body.id).toBe('B11');
    const list = await w.almereAuditor.get(`/api/v1/tenders/${id}/bids`);
    expect(list.body.map((b: { id: string }) => b.id).slice(-4)).toEqual(['B010', 'X99', 'B12a', 'B11']);
  });

  it('takes the price as the sum of price lines when no price is given', async () => {
    const response = await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, {
      provider: bid.provider,
      priceLines: [{ description: 'Trajecten', quantity: 2.5, unitPrice: 1000.01 }],
    });
    expect(response.status).toBe(201);
    expect(response.body.price).toBe(2500.03); // 2500.025 rounded half up
  });

  it('validates a bid with the dossier rules', async () => {
    const response = await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, {
      id: 'not ok!',
      provider: { name: 'X', kvk: '123', keurmerk: 'ja' },
    });
    expect(response.status).toBe(400);
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['id', 'price', 'provider.keurmerk', 'provider.kvk']);
  });
});

describe('consensus scores', () => {
  beforeEach(async () => {
    await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, bid);
  });

  it('are refused before the tender is opened', async () => {
    const response = await w.almereInkoper.put(`/api/v1/tenders/${id}/bids/B1/consensus/K1`, { score: 8, motivation: 'Het plan is sterk onderbouwd.' });
    expect(response.status).toBe(409);
  });

  it('are set with a motivation on a value of the scale, and replaced later', async () => {
    await w.almereInkoper.post(`/api/v1/tenders/${id}/open`);
    const put = (criterion: string, body: unknown) => w.almereInkoper.put(`/api/v1/tenders/${id}/bids/B1/consensus/${criterion}`, body);
    expect((await put('K1', { score: 7, motivation: 'x' })).status).toBe(400);
    expect((await put('K1', { score: 8, motivation: '' })).status).toBe(400);
    // A motivation that is a sentence: one that is not is refused by the schema (400) before the lookup.
    expect((await put('K9', { score: 8, motivation: 'Het plan is sterk onderbouwd.' })).status).toBe(404);
    expect((await w.almereInkoper.put(`/api/v1/tenders/${id}/bids/B9/consensus/K1`, { score: 8, motivation: 'Het plan is sterk onderbouwd.' })).status).toBe(
      404,
    );
    expect((await put('K1', { score: 8, motivation: 'Goed plan.' })).body.errors).toEqual([
      { path: 'motivation', message: expect.stringContaining('minstens één volledige zin') },
    ]);
    expect((await put('K1', { score: 6, motivation: 'Eerste ronde: voldoende uitgewerkt.' })).body).toEqual({
      bidId: 'B1',
      criterionId: 'K1',
      score: 6,
      motivation: 'Eerste ronde: voldoende uitgewerkt.',
      deviationReason: null,
      updatedAt: '2026-03-02T09:00:00.000Z',
    });
    expect((await put('K1', { score: 8, motivation: 'Na overleg goed tot zeer goed.' })).status).toBe(200);
    const bids = await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`);
    expect(bids.body[0].scores).toEqual({ K1: 8 });
    const events = await w.almereAuditor.get(`/api/v1/tenders/${id}/audit-events`);
    const last = events.body.at(-1);
    expect(last).toMatchObject({
      action: 'consensus.set',
      actorUserId: w.almereInkoper.userId,
      organisationId: w.orgs.almere,
      change: {
        before: { score: 6, motivation: 'Eerste ronde: voldoende uitgewerkt.', deviationReason: null },
        after: { score: 8, motivation: 'Na overleg goed tot zeer goed.', deviationReason: null },
      },
    });
    expect(events.body.map((e: { action: string }) => e.action)).toEqual(['tender.create', 'bid.create', 'tender.open', 'consensus.set', 'consensus.set']);
  });

  it('are for the inkoper only; an auditor changes nothing', async () => {
    await w.almereInkoper.post(`/api/v1/tenders/${id}/open`);
    expect((await w.almereAuditor.put(`/api/v1/tenders/${id}/bids/B1/consensus/K1`, { score: 8, motivation: 'Het plan is sterk onderbouwd.' })).status).toBe(
      403,
    );
  });
});
