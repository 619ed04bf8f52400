/**
 * The formula check through the API, and the confirmation that opening a tender whose formula
 * invites underbidding requires (issue 10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badTender } from '../unit/formula-check/tenders.js';
import { createTenderBody } from '../helpers/dossiers.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
});
afterAll(() => t.close());

async function createBadTender(): Promise<string> {
  const { tender, award, criteria, lowBidRules } = badTender();
  const { buyer: _buyer, ...flat } = tender;
  const created = await w.almereInkoper.post('/api/v1/tenders', { organisationId: w.orgs.almere, ...flat, award, criteria, lowBidRules });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

describe('GET /api/v1/tenders/:id/formula-check', () => {
  it('gives the verdict, the underbidder test and suggestions that turn it', async () => {
    const id = await createBadTender();
    const response = await w.almereInkoper.get(`/api/v1/tenders/${id}/formula-check`);
    expect(response.status).toBe(200);
    expect(response.body.verdict).toBe('invites-underbidding');
    expect(response.body.underbidderTest.highestWinningPrice).toBe(259999.99);
    expect(response.body.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of response.body.suggestions) expect(suggestion.recheck.verdict).toBe('resists-underbidding');
  });

  it('is for the inkoper and the auditor, not for an evaluator', async () => {
    const id = await createBadTender();
    expect((await w.almereAuditor.get(`/api/v1/tenders/${id}/formula-check`)).status).toBe(200);
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/formula-check`)).status).toBe(404); // not on the panel
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/formula-check`)).status).toBe(403);
    expect((await w.utrechtInkoper.get(`/api/v1/tenders/${id}/formula-check`)).status).toBe(404);
  });
});

describe('opening a tender whose formula invites underbidding', () => {
  it('answers 409 without an explicit confirmation, naming the field', async () => {
    const id = await createBadTender();
    const response = await w.almereInkoper.post(`/api/v1/tenders/${id}/open`);
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('onderbieden');
    expect(response.body.errors).toEqual([{ path: 'confirmUnderbiddingRisk', message: 'bevestig dat u met deze formule wilt openen' }]);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.status).toBe('draft');
  });

  it('needs a motivation of at least a sentence with the confirmation', async () => {
    const id = await createBadTender();
    const response = await w.almereInkoper.post(`/api/v1/tenders/${id}/open`, { confirmUnderbiddingRisk: true, motivation: 'ok' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('motivation');
  });

  it('opens with the confirmation and writes the motivation and the verdict into the audit trail', async () => {
    const id = await createBadTender();
    const motivation = 'Het budget is vast en de kostenvloer wordt apart getoetst bij elke inschrijving.';
    const response = await w.almereInkoper.post(`/api/v1/tenders/${id}/open`, { confirmUnderbiddingRisk: true, motivation });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const events = (await w.almereInkoper.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string; change: any }[];
    expect(events.at(-1)).toMatchObject({
      action: 'tender.open',
      change: { after: { status: 'open', formulaVerdict: 'invites-underbidding', underbiddingRiskAccepted: motivation } },
    });
  });

  it('opens a tender that resists underbidding without any confirmation', async () => {
    const created = await w.almereInkoper.post('/api/v1/tenders', createTenderBody(w.orgs.almere));
    const response = await w.almereInkoper.post(`/api/v1/tenders/${created.body.id}/open`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const events = (await w.almereInkoper.get(`/api/v1/tenders/${created.body.id}/audit-events`)).body as { action: string; change: any }[];
    expect(events.at(-1)?.change.after.formulaVerdict).not.toBe('invites-underbidding');
  });
});
