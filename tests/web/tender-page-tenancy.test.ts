/**
 * Walks every page of one tender (the list comes from the pages' own app, so a new page is
 * walked without anyone adding a case) as callers for whom the tender does not exist: a
 * beoordelaar of the owning gemeente that is not on its panel, and another organisation's
 * inkoper. Each must get 404, decided once in the tender-access resolution, not per page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleDossier } from '../helpers/dossiers.js';
import { fillTenderPath, tenderPageRoutes } from '../helpers/routes.js';
import { createMember, PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';

let t: TestApp;
let w: World;
let tenderId: string;

beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  const imported = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: exampleDossier() });
  tenderId = imported.body.id;
  // A panel exists, only not with almereBeoordelaar on it.
  const seated = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
  expect((await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/evaluators`, { userId: seated.userId })).status).toBe(201);
  expect((await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/open`)).status).toBe(200);
  expect((await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'evaluation' })).status).toBe(201);
}, 60_000);
afterAll(() => t.close());

async function walk(client: PageClient): Promise<string[]> {
  const answers: string[] = [];
  for (const { method, path } of tenderPageRoutes(t)) {
    const url = fillTenderPath(path, tenderId);
    const response = method === 'GET' ? await client.get(url) : await client.post(url, {});
    answers.push(`${method} ${path}: ${response.status}`);
  }
  return answers;
}

describe('the pages of a tender', () => {
  it('finds the pages of a tender, the panel and open pages among them', () => {
    const listed = tenderPageRoutes(t).map((r) => `${r.method} ${r.path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'GET /aanbestedingen/:id',
        'GET /aanbestedingen/:id/openen',
        'GET /aanbestedingen/:id/panel',
        'POST /aanbestedingen/:id/verklaring',
        'GET /aanbestedingen/:id/beoordelen/:bidId',
        'GET /aanbestedingen/:id/audit',
        'GET /aanbestedingen/:id/controle',
        'GET /aanbestedingen/:id/rapporten',
      ]),
    );
    expect(listed.length).toBeGreaterThanOrEqual(26);
  });

  it('answers 404 on every page to a beoordelaar of the gemeente that is not on the panel', async () => {
    const evaluator = await loginPage(t, w.almereBeoordelaar.email, PASSWORD);
    const answers = await walk(evaluator);
    expect(answers.filter((a) => !a.endsWith(': 404'))).toEqual([]);
    const page = await evaluator.get(`/aanbestedingen/${tenderId}/panel`);
    expect(visibleText(page.html)).not.toContain(exampleDossier().tender.reference);
  });

  it("answers 404 on every page to another organisation's inkoper", async () => {
    const outsider = await loginPage(t, w.utrechtInkoper.email, PASSWORD);
    expect((await walk(outsider)).filter((a) => !a.endsWith(': 404'))).toEqual([]);
  });

  it('answers the owning inkoper every page it can read with something other than 404', async () => {
    const inkoper = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const gets = (await walk(inkoper)).filter((a) => a.startsWith('GET'));
    // The scoring pages are the evaluators' (403 for the inkoper); editing and deleting a bid
    // is for a draft (409 on this opened tender); the rest are its to read.
    const draftOnly = ['GET /aanbestedingen/:id/inschrijvingen/:bidId/wijzigen: 409', 'GET /aanbestedingen/:id/inschrijvingen/:bidId/verwijderen: 409'];
    expect(gets.filter((a) => a.endsWith(': 404'))).toEqual([]);
    expect(gets.filter((a) => draftOnly.includes(a))).toEqual(draftOnly);
    expect(gets.filter((a) => !a.includes('/beoordelen') && !draftOnly.includes(a) && !a.endsWith(': 200'))).toEqual([]);
  });
});
