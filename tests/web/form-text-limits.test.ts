import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../src/domain/text/text-limits.js';
import { createPanelTender } from '../helpers/panel.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPageClient, loginPage, visibleText, type PageClient } from './page-client.js';

let t: TestApp;
let w: World;
let id: string;
let inkoper: PageClient;
let evaluator: PageClient;
beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  id = await createPanelTender(w.almereInkoper, w.orgs.almere);
  inkoper = await loginPage(t, w.almereInkoper.email, PASSWORD);
  evaluator = await loginPage(t, w.almereBeoordelaar.email, PASSWORD);
  expect((await inkoper.post(`/aanbestedingen/${id}/panel/beoordelaars`, { userId: w.almereBeoordelaar.userId })).status).toBe(303);
});
afterAll(() => t.close());

// The forms call the services directly, not the API routes: these prove they apply the routes' schemas.
describe('the web forms apply the same text rules as the API', () => {
  it('refuses a bidi override in the conflict declaration remarks, at the field', async () => {
    const response = await evaluator.post(`/aanbestedingen/${id}/verklaring`, { noConflict: 'ja', remarks: 'Geen \u202ebelang' });
    expect(response.status).toBe(400);
    expect(visibleText(response.html)).toContain('Toelichting: de toelichting mag geen richtingsteken bevatten (U+202E op positie 6)');
  });

  it('refuses an evaluator motivation over the maximum', async () => {
    expect((await evaluator.post(`/aanbestedingen/${id}/verklaring`, { noConflict: 'ja' })).status).toBe(303);
    const motivation = `Het plan is concreet uitgewerkt. ${'x'.repeat(TEXT_LIMITS.motivation)}`;
    const response = await evaluator.post(`/aanbestedingen/${id}/beoordelen/B1/K1`, { score: '8', motivation }, { accept: 'application/json' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.html).message).toBe('de motivering is te lang: hoogstens 10.000 tekens (nu 10.033)');
  });

  it('refuses an over-long e-mail address on the login form, and an over-long user id on the panel form', async () => {
    const login = await createPageClient(t).post('/inloggen', { email: `${'a'.repeat(300)}@almere.test`, password: PASSWORD });
    expect(login.status).toBe(400);
    expect(visibleText(login.html)).toContain('het e-mailadres is te lang: hoogstens 254 tekens (nu 312)');
    const assign = await inkoper.post(`/aanbestedingen/${id}/panel/beoordelaars`, { userId: 'b'.repeat(300) });
    expect(assign.status).toBe(400);
    expect(visibleText(assign.html)).toContain('Beoordelaar: ');
  });

  it("refuses a line break in a new tender's title on the form", async () => {
    const response = await inkoper.post('/nieuwe-aanbesteding', { template: 'b1-route', reference: 'ALM-1', title: 'B1-route\rGegund' });
    expect(response.status).toBe(400);
    expect(visibleText(response.html)).toContain('de titel mag geen regeleinde bevatten (U+000D op positie 9)');
  });
});
