/**
 * The OCDS package is kept per tender, serialised, as the evaluation is: the same bytes for
 * everyone who may export it, made afresh after any change of the tender or its
 * organisation's data, and the access check runs before the cache every time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleDossier } from '../helpers/dossiers.js';
import { createPanelTender } from '../helpers/panel.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { importAlmereTender } from '../helpers/tenders.js';

let t: TestApp;
let w: World;
let tenderId: string;
beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  tenderId = await importAlmereTender(w, exampleDossier());
});
afterAll(() => t.close());

async function exported(client: World['almereInkoper'], id = tenderId): Promise<{ status: number; text: string }> {
  const response = await t.app.request(`/api/v1/tenders/${id}/ocds`, { headers: { cookie: client.cookie ?? '' } });
  return { status: response.status, text: await response.text() };
}

describe('the kept OCDS package', () => {
  it('is the same text for the inkoper and the auditor, and follows a change of the draft at once', async () => {
    const first = await exported(w.almereInkoper);
    expect(first.status).toBe(200);
    expect((await exported(w.almereAuditor)).text).toBe(first.text);
    expect(JSON.parse(first.text).releases[0].tender.title).toBe(exampleDossier().tender.title);

    const patched = await w.almereInkoper.patch(`/api/v1/tenders/${tenderId}`, { title: 'Inburgering B1-route, tweede ronde' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const after = JSON.parse((await exported(w.almereAuditor)).text);
    expect(after.releases[0].tender.title).toBe('Inburgering B1-route, tweede ronde');
    expect(after.releases[0].tender.status).toBe('planning');

    expect((await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/open`)).status).toBe(200);
    expect(JSON.parse((await exported(w.almereInkoper)).text).releases[0].tender.status).toBe('active');
  });

  it('is refused to an evaluator on the panel and to another organisation after it was kept', async () => {
    const panelTender = await createPanelTender(w.almereInkoper, w.orgs.almere);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${panelTender}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    expect((await exported(w.almereInkoper, panelTender)).status).toBe(200);
    expect((await exported(w.almereBeoordelaar, panelTender)).status).toBe(403);
    expect((await exported(w.utrechtInkoper, panelTender)).status).toBe(404);
  });
});
