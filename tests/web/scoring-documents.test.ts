/**
 * The scoring page puts the bid's quality documents beside the rubric (issue 20): links to
 * open and download each current version, never the price envelope, and under each saved
 * score the versions it was given with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentQuery, pdfDocument, uploadDocument } from '../helpers/documents.js';
import { createPanelTender } from '../helpers/panel.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';

let t: TestApp;
let w: World;
let id: string;
let evaluator: PageClient;
const received: Record<string, string> = {};

beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  id = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
  const upload = async (envelope: string, name: string, extra: Record<string, string> = {}) => {
    const path = `/api/v1/tenders/${id}/bids/B1/documents?${documentQuery({ envelope, name, ...extra })}`;
    const response = await uploadDocument(t, w.almereInkoper, path, pdfDocument(name));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    received[name] = response.body.id;
  };
  await upload('quality', 'Plan van aanpak.pdf', { criterionId: 'K1' });
  await upload('price', 'Prijsblad.pdf');
  expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
  expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
  expect((await w.almereBeoordelaar.post(`/api/v1/tenders/${id}/conflict-declaration`, { noConflict: true })).status).toBe(200);
  evaluator = await loginPage(t, w.almereBeoordelaar.email, PASSWORD);
}, 60_000);
afterAll(() => t.close());

describe('the scoring page', () => {
  it('links the quality documents of the bid, to open and to download, and not the price envelope', async () => {
    const page = await evaluator.get(`/aanbestedingen/${id}/beoordelen/B1`);
    expect(page.status).toBe(200);
    const url = `/api/v1/tenders/${id}/bids/B1/documents/${received['Plan van aanpak.pdf']}`;
    expect(page.html).toContain(`href="${url}" target="_blank" rel="noopener"`);
    expect(page.html).toContain(`href="${url}?download=1"`);
    expect(visibleText(page.html)).toContain('Plan van aanpak.pdf (versie 1, bij K1,');
    expect(page.html).not.toContain('Prijsblad');
    expect(page.html).not.toContain(received['Prijsblad.pdf']);
    // The link works for the evaluator's own session.
    const opened = await evaluator.get(url);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('application/pdf');
  });

  it('records with each score the versions it was given with, also after a replacement', async () => {
    const saved = await w.almereBeoordelaar.put(`/api/v1/tenders/${id}/bids/B1/scores/K1`, {
      score: 8,
      motivation: 'Het plan beschrijft de aanpak concreet en met voorbeelden.',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.documents).toEqual([{ id: received['Plan van aanpak.pdf'], name: 'Plan van aanpak.pdf', version: 1 }]);
    t.clock.advance(60_000);
    const path = `/api/v1/tenders/${id}/bids/B1/documents?${documentQuery({ envelope: 'quality', name: 'Plan van aanpak.pdf', replaces: received['Plan van aanpak.pdf'] ?? '', reason: 'De bijlage ontbrak.' })}`;
    const second = await uploadDocument(t, w.almereInkoper, path, pdfDocument('Plan, compleet'));
    expect(second.status).toBe(201);
    const scores = await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/scores`);
    expect(scores.body.scores[0].documents).toEqual([{ id: received['Plan van aanpak.pdf'], name: 'Plan van aanpak.pdf', version: 1 }]);
    const page = await evaluator.get(`/aanbestedingen/${id}/beoordelen/B1`);
    expect(visibleText(page.html)).toContain('Beoordeeld met Plan van aanpak.pdf (versie 1).');
    expect(visibleText(page.html)).toContain('Plan van aanpak.pdf (versie 2,');
    expect(visibleText(page.html)).toContain('Vervangt versie 1: De bijlage ontbrak.');
  });
});
