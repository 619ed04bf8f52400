/**
 * Issue 16: the audit page and the auditor's timeline (the control page) show a change of a
 * draft's settings (`tender.update`) as a Dutch sentence with the old and the new values
 * formatted; the event as stored stays one link away, as JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleDossier } from '../helpers/dossiers.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText } from './page-client.js';

let t: TestApp;
let w: World;
let id: string;
let seq: number;
const SENTENCE =
  'Concept gewijzigd: raming €\u00a0600.000,00 werd €\u00a0650.000,00; ' +
  'criterium K1 (Didactische aanpak en maatwerk per inburgeraar): gewicht 25 werd 30; ' +
  'kostenvloer: opslag overhead 35% werd 40%.';

beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  const dossier = exampleDossier();
  id = (await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier })).body.id;
  const criteria = dossier.criteria.map((c) => (c.id === 'K1' ? { ...c, weight: 30 } : c));
  const costFloor = { ...dossier.lowBidRules?.costFloor, overheadShare: 0.4 };
  const patch = await w.almereInkoper.patch(`/api/v1/tenders/${id}`, { estimatedValue: 650000, criteria, lowBidRules: { ...dossier.lowBidRules, costFloor } });
  expect(patch.status, JSON.stringify(patch.body)).toBe(200);
  seq = (t.db.sqlite.prepare("SELECT max(seq) AS seq FROM audit_events WHERE action = 'tender.update'").get() as { seq: number }).seq;
  expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
});
afterAll(() => t.close());

describe('a change of the settings in the audit trail', () => {
  it('reads as a sentence with formatted values on the audit page, with the stored event behind its link', async () => {
    const page = await loginPage(t, w.almereAuditor.email, PASSWORD);
    const response = await page.get(`/aanbestedingen/${id}/audit`);
    expect(response.status).toBe(200);
    const text = visibleText(response.html);
    expect(text).toContain(`${SENTENCE} (gebeurtenis ${seq} als JSON)`);
    expect(text).not.toContain('"estimatedValue"');
    expect(response.html).toContain(`href="/aanbestedingen/${id}/audit/${seq}"`);
    const raw = await page.get(`/aanbestedingen/${id}/audit/${seq}`);
    expect(raw.status).toBe(200);
    const event = JSON.parse(raw.html);
    expect(event.action).toBe('tender.update');
    expect(event.change.before.tender.estimatedValue).toBe(600000);
    expect(event.change.after.tender.estimatedValue).toBe(650000);
  });

  it('reads the same in the auditor timeline of the control page', async () => {
    const page = await loginPage(t, w.almereAuditor.email, PASSWORD);
    const response = await page.get(`/aanbestedingen/${id}/controle`);
    expect(response.status).toBe(200);
    expect(visibleText(response.html)).toContain(SENTENCE);
  });
});
