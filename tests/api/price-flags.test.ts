/**
 * Warnings as soon as the facts are known: the low-bid flags need only the prices, so
 * `GET .../evaluation` lists every bid's flags while consensus scores are missing (the bids
 * still waiting in `pendingBids`), and the art. 2.116 review of a flagged bid can start then.
 * Scores enter the flags only through a knock-out, which removes a bid from the set the rules
 * compare with.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateDossier } from '../../src/domain/evaluation/evaluate.js';
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
  // The example's four bids, without their scores.
  for (const { scores: _scores, ...bid } of exampleDossier().bids) {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, bid)).status).toBe(201);
  }
});
afterEach(() => t.close());

const evaluation = async () => (await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`)).body;
/** The flags the engine gives every bid once all scores are in. */
const finalFlags = () => new Map(evaluateDossier(exampleDossier()).bids.map((b) => [b.bidId, b.lowBidFlags]));
const setScores = async (bidId: string, scores: Record<string, number>) => {
  for (const [criterionId, score] of Object.entries(scores)) {
    const response = await w.almereInkoper.put(`/api/v1/tenders/${id}/bids/${bidId}/consensus/${criterionId}`, {
      score,
      motivation: `De commissie geeft ${score} na bespreking van het plan.`,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }
};

describe('GET .../evaluation while consensus scores are missing', () => {
  it('lists every bid with its price-only flags, in the draft already, as the engine will flag them once scored', async () => {
    const draft = await evaluation();
    expect(draft.bids).toEqual([]);
    const final = finalFlags();
    expect(draft.pendingBids.map((b: { bidId: string; missing: string[] }) => [b.bidId, b.missing])).toEqual(
      ['B1', 'B2', 'B3', 'B4'].map((bidId) => [bidId, ['K1', 'K2', 'K3', 'K4']]),
    );
    for (const pending of draft.pendingBids) expect(pending.lowBidFlags).toEqual(final.get(pending.bidId));
    const b3 = draft.pendingBids.find((b: { bidId: string }) => b.bidId === 'B3');
    expect(b3.lowBidFlags.map((f: { rule: string }) => f.rule)).toEqual(['mean-of-others', 'gap-to-next', 'below-estimate', 'cost-floor']);
    expect(b3.lowBidReview).toEqual({ state: 'open' });
    expect(draft.blockingReviews.map((b: { bidId: string }) => b.bidId)).toEqual(['B3']);
  });

  it('compares a scored bid with every price, not only with the other complete bids', async () => {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
    await setScores('B3', { K1: 6, K2: 4, K3: 4, K4: 4 });
    const result = await evaluation();
    // B3 is ranked alone; its flags still compare it with B1, B2 and B4.
    expect(result.bids.map((b: { bidId: string }) => b.bidId)).toEqual(['B3']);
    expect(result.bids[0].lowBidFlags).toEqual(finalFlags().get('B3'));
    expect(result.pendingBids.map((b: { bidId: string }) => b.bidId)).toEqual(['B1', 'B2', 'B4']);
  });

  it('lets a knock-out score, once given, take the bid out of the set the others are compared with', async () => {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
    const before = (await evaluation()).pendingBids.find((b: { bidId: string }) => b.bidId === 'B3').lowBidFlags;
    const meanBefore = before.find((f: { rule: string }) => f.rule === 'mean-of-others').reference;
    // B2 scores 2 on K1, below its minimum 4: it is out, whatever the rest.
    await setScores('B2', { K1: 2 });
    const after = (await evaluation()).pendingBids.find((b: { bidId: string }) => b.bidId === 'B3').lowBidFlags;
    expect(meanBefore).toBeCloseTo((565000 + 612000 + 540201.01) / 3, 6);
    expect(after.find((f: { rule: string }) => f.rule === 'mean-of-others').reference).toBeCloseTo((565000 + 540201.01) / 2, 6);
  });

  it('lets the review of a flagged bid start before its scores, and the letter names its flags', async () => {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
    const request = { action: 'request-explanation', deadline: '2026-03-16', questions: ['Hoeveel contacturen per inburgeraar rekent u?'] };
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B3/low-bid-review`, request)).status).toBe(200);
    const pending = (await evaluation()).pendingBids.find((b: { bidId: string }) => b.bidId === 'B3');
    expect(pending.lowBidReview).toMatchObject({ state: 'explanation-requested', deadline: '2026-03-16' });
    const letter = await w.almereInkoper.get(`/api/v1/tenders/${id}/bids/B3/low-bid-review/letter`);
    expect(letter.status).toBe(200);
    // The flags as they are now, not the fallback of a bid without them.
    expect(letter.body).toContain('Uw prijs ligt ver onder het gemiddelde van de andere inschrijvingen.');
    expect(letter.body).toContain('De kostenvloer is berekend met deze uitgangspunten uit de aanbestedingsstukken:');
    expect(letter.body).not.toContain('Op grond van onze eigen analyse');
  });
});
