/**
 * The evaluation cache (keyed by the tender's newest audit event and the newest event of no
 * tender) against a fresh computation after every kind of change the evaluation reads:
 * bids, opening, the panel and its seals, consensus scores, the art. 2.116 review, the award
 * decision. And that a change elsewhere leaves a tender's cached evaluation in place.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { computeEvaluation } from '../../src/modules/evaluation/evaluation.service.js';
import { createPanelTender, runPanel, setConsensus } from '../helpers/panel.js';
import { createMember, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { ijssellandB1Example } from '../helpers/dossiers.js';
import { importAlmereTender } from '../helpers/tenders.js';

const EXAMPLE = ijssellandB1Example();

let t: TestApp;
let w: World;
/** Loads of a whole tender: an evaluation computed rather than taken from the cache. */
let loads: MockInstance;
beforeEach(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
  loads = vi.spyOn(t.ctx.queries.tenders, 'loadTender');
});
afterEach(() => t.close());

/** The served evaluation, asked twice (the second from the cache), equals one computed afresh. */
async function expectServedIsFresh(id: string): Promise<void> {
  const first = await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`);
  const second = await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`);
  expect(first.status).toBe(200);
  expect(second.body).toEqual(first.body);
  expect(first.body).toEqual(JSON.parse(JSON.stringify(computeEvaluation(t.ctx, id))));
}

describe('the cached evaluation', () => {
  it('follows every kind of change to the tender', async () => {
    const id = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
    await expectServedIsFresh(id);
    expect(
      (await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, { provider: { name: 'Taalschool Zuid', kvk: '30345678', keurmerk: false }, price: 410000 }))
        .status,
    ).toBe(201);
    await expectServedIsFresh(id);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
    await expectServedIsFresh(id);
    const second = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
    const scores = { B1: { K1: 8, K2: 6 }, B2: { K1: 6, K2: 6 }, B3: { K1: 4, K2: 4 } };
    await runPanel(w.almereInkoper, id, [
      { evaluator: w.almereBeoordelaar, scores },
      { evaluator: second, scores: { ...scores, B3: { K1: 6, K2: 4 } } },
    ]);
    await expectServedIsFresh(id);
    const withPanel = (await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`)).body;
    expect(withPanel.panel).toBeDefined();
    await setConsensus(w.almereInkoper, id, scores);
    await expectServedIsFresh(id);
    const complete = (await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`)).body;
    expect(complete.incomplete).toEqual([]);
    await setConsensus(w.almereInkoper, id, { B3: { K1: 6 } });
    await expectServedIsFresh(id);
    const changed = (await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`)).body;
    expect(changed).not.toEqual(complete);
  });

  it('follows the art. 2.116 review and the award decision', async () => {
    const id = await importAlmereTender(w, EXAMPLE);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
    await expectServedIsFresh(id);
    const review = (body: unknown) => w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B3/low-bid-review`, body);
    expect((await review({ action: 'request-explanation', deadline: '2026-03-16', questions: ['Hoeveel contacturen rekent u?'] })).status).toBe(200);
    await expectServedIsFresh(id);
    expect((await review({ action: 'record-explanation', explanation: 'Wij werken met groepen van 16 en een eigen lesmethode.' })).status).toBe(200);
    expect((await review({ action: 'decide', decision: 'accepted', motivation: 'De toelichting maakt de prijs aannemelijk.' })).status).toBe(200);
    await expectServedIsFresh(id);
    const reviewed = (await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`)).body;
    expect(reviewed.bids.find((b: { bidId: string }) => b.bidId === 'B3').lowBidReview.state).toBe('accepted');
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/award-decision`)).status).toBe(200);
    await expectServedIsFresh(id);
  });

  it('is kept through a change to another tender, and dropped by a change to no tender', async () => {
    const id = await createPanelTender(w.almereInkoper, w.orgs.almere);
    const other = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
    await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`);
    const afterFirst = loads.mock.calls.length;
    await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`);
    expect(loads).toHaveBeenCalledTimes(afterFirst);
    expect(
      (await w.almereInkoper.post(`/api/v1/tenders/${other}/bids`, { provider: { name: 'Taalschool Zuid', kvk: '30345678', keurmerk: false }, price: 410000 }))
        .status,
    ).toBe(201);
    await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`);
    expect(loads).toHaveBeenCalledTimes(afterFirst);
    // A new user is an event of no tender: it might be a panel member's name, so recompute.
    await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
    await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`);
    expect(loads).toHaveBeenCalledTimes(afterFirst + 1);
  });
});
