/**
 * @module
 * A small tender for panel tests: two criteria on 0-10, bids without scores, a panel of
 * beoordelaars who declare, score and seal through the API.
 */
import { expect } from 'vitest';
import type { TestClient } from './client.js';

export const PANEL_SCALE = [0, 2, 4, 6, 8, 10];

/** `POST /tenders` body: two criteria, so a panel's scores are few enough to reason about. */
export function panelTenderBody(organisationId: string, extra: Record<string, unknown> = {}) {
  return {
    organisationId,
    reference: 'FLV-2027-PANEL',
    title: 'Inburgering B1-route, beoordeling door een panel',
    lot: 'B1-route',
    estimatedValue: 600000,
    expectedLearners: 100,
    award: { method: 'lowest-relative', priceWeight: 30, tieBreak: ['quality', 'lot'] },
    criteria: [
      { id: 'K1', title: 'Didactische aanpak en maatwerk', weight: 40, scale: PANEL_SCALE },
      { id: 'K2', title: 'Voortgangsgesprekken en begeleiding', weight: 30, scale: PANEL_SCALE },
    ],
    lowBidRules: { preset: 'none' },
    ...extra,
  };
}

export const PANEL_BIDS = [
  { provider: { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true }, price: 565000 },
  { provider: { name: 'NT2 Centrum Almere', kvk: '30234567', keurmerk: true }, price: 598000 },
];

/** A draft tender with the two bids; opened unless `open: false`. */
export async function createPanelTender(
  inkoper: TestClient,
  organisationId: string,
  { open = true, extra = {} }: { open?: boolean; extra?: Record<string, unknown> } = {},
): Promise<string> {
  const created = await inkoper.post('/api/v1/tenders', panelTenderBody(organisationId, extra));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  for (const bid of PANEL_BIDS) expect((await inkoper.post(`/api/v1/tenders/${id}/bids`, bid)).status).toBe(201);
  if (open) expect((await inkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
  return id;
}

/** A motivation that passes the sentence rule and says which score it explains. */
export const motivationFor = (bidId: string, criterionId: string, score: number) =>
  `Inschrijving ${bidId} scoort ${score} op ${criterionId}: het plan is concreet uitgewerkt.`;

/** Scores `{ B1: { K1: 8, K2: 6 }, ... }` as the evaluator's own, each with a motivation. */
export async function scoreAll(evaluator: TestClient, tenderId: string, scores: Record<string, Record<string, number>>): Promise<void> {
  for (const [bidId, perCriterion] of Object.entries(scores)) {
    for (const [criterionId, score] of Object.entries(perCriterion)) {
      const response = await evaluator.put(`/api/v1/tenders/${tenderId}/bids/${bidId}/scores/${criterionId}`, {
        score,
        motivation: motivationFor(bidId, criterionId, score),
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    }
  }
}

/** Assigns, declares no conflict, scores everything and seals, for each evaluator. */
export async function runPanel(
  inkoper: TestClient,
  tenderId: string,
  panel: { evaluator: TestClient & { userId: string }; scores: Record<string, Record<string, number>> }[],
): Promise<void> {
  for (const { evaluator } of panel) {
    expect((await inkoper.post(`/api/v1/tenders/${tenderId}/evaluators`, { userId: evaluator.userId })).status).toBe(201);
  }
  for (const { evaluator, scores } of panel) {
    expect((await evaluator.post(`/api/v1/tenders/${tenderId}/conflict-declaration`, { noConflict: true })).status).toBe(200);
    await scoreAll(evaluator, tenderId, scores);
    const sealed = await evaluator.post(`/api/v1/tenders/${tenderId}/scores/seal`);
    expect(sealed.status, JSON.stringify(sealed.body)).toBe(200);
  }
}

/** Consensus scores `{ B1: { K1: 8 } }` with a motivation each. */
export async function setConsensus(inkoper: TestClient, tenderId: string, scores: Record<string, Record<string, number>>): Promise<void> {
  for (const [bidId, perCriterion] of Object.entries(scores)) {
    for (const [criterionId, score] of Object.entries(perCriterion)) {
      const response = await inkoper.put(`/api/v1/tenders/${tenderId}/bids/${bidId}/consensus/${criterionId}`, {
        score,
        motivation: `Na overleg in het panel: ${score} punten voor ${bidId} op ${criterionId}.`,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    }
  }
}
