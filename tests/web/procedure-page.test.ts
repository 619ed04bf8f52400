/**
 * The page of a procedure with several lots (issue 21): its lots linked to their tender
 * pages, the award limitation in Dutch, the allocation with a reason per lot for an inkoper
 * or auditor and never for an evaluator; linked from the tender list and from each lot's
 * overview; 404 to another organisation, decided by the same access as the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleProcedure } from '../helpers/procedures.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText } from './page-client.js';

let t: TestApp;
let w: World;
let id: string;
let lots: { lotId: string; tenderId: string }[];

beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  const imported = await w.almereInkoper.post(`/api/v1/procedures/import?organisationId=${w.orgs.almere}`, exampleProcedure());
  expect(imported.status).toBe(201);
  id = imported.body.id;
  lots = imported.body.lots;
}, 60_000);
afterAll(() => t.close());

describe('GET /procedures/:id', () => {
  it('shows the lots with links, the limitation in Dutch and the allocation with its reasons', async () => {
    const page = await (await loginPage(t, w.almereInkoper.email, PASSWORD)).get(`/procedures/${id}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain('Procedure ZWL-2027-INB: Inburgering regio IJsselland 2027-2029');
    expect(text).toContain('Ten hoogste 1 perceel per inschrijver, gegund in de volgorde van de percelen: L1, L2, L3.');
    for (const lot of lots) expect(page.html).toContain(`href="/aanbestedingen/${lot.tenderId}"`);
    expect(text).toContain('Toewijzing van de percelen');
    // L2: NT2 Centrum Zwolle won it on its own, but already has L1 under the lot order.
    expect(text).toMatch(/L2\s+Taalschool IJsselland \(B1\)\s+NT2 Centrum Zwolle \(B2\)\s+Gegund aan de op één na beste inschrijving/);
  });

  it('shows an evaluator on every lot the lots but not the allocation', async () => {
    for (const lot of lots)
      expect((await w.almereInkoper.post(`/api/v1/tenders/${lot.tenderId}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    const page = await (await loginPage(t, w.almereBeoordelaar.email, PASSWORD)).get(`/procedures/${id}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain('Inburgering Z-route regio IJsselland 2027-2029');
    expect(text).not.toContain('Toewijzing van de percelen');
    expect(text).not.toContain('Gegund aan');
  });

  it('is 404 to another organisation', async () => {
    const page = await (await loginPage(t, w.utrechtInkoper.email, PASSWORD)).get(`/procedures/${id}`);
    expect(page.status).toBe(404);
    expect(visibleText(page.html)).not.toContain('ZWL-2027-INB');
  });
});

describe('links to the procedure', () => {
  it('from the tender list and from the overview of each lot', async () => {
    const client = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const list = await client.get('/aanbestedingen');
    expect(list.html).toContain(`href="/procedures/${id}"`);
    expect(visibleText(list.html)).toContain('ZWL-2027-INB: Inburgering regio IJsselland 2027-2029');
    const overview = await client.get(`/aanbestedingen/${lots[1]?.tenderId}`);
    expect(visibleText(overview.html)).toContain('Perceel L2 van procedure ZWL-2027-INB: Inburgering regio IJsselland 2027-2029');
    expect(overview.html).toContain(`href="/procedures/${id}"`);
  });
});

describe('the award decision and the reports on the procedure page', () => {
  it('asks for the confirmation, then decides every open lot for its allocated bid, and lists the reports with links', async () => {
    const imported = await w.almereInkoper.post(`/api/v1/procedures/import?organisationId=${w.orgs.almere}`, exampleProcedure());
    const procedure = imported.body as { id: string; lots: { tenderId: string }[] };
    for (const lot of procedure.lots.slice(1)) expect((await w.almereInkoper.post(`/api/v1/tenders/${lot.tenderId}/open`)).status).toBe(200);
    const client = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const page = await client.get(`/procedures/${procedure.id}`);
    expect(visibleText(page.html)).toContain('De gunningsbeslissing voor de percelen L2, L3');
    expect(page.html).toContain(`action="/procedures/${procedure.id}/gunningsbeslissing"`);
    expect(visibleText(page.html)).toContain('Er zijn nog geen rapporten van de procedure gemaakt.');

    const unconfirmed = await client.post(`/procedures/${procedure.id}/gunningsbeslissing`, {});
    expect(unconfirmed.status).toBe(400);
    expect(visibleText(unconfirmed.html)).toContain('bevestig dat u begrijpt dat de beoordeling van de percelen daarmee vastligt');

    const decided = await client.post(`/procedures/${procedure.id}/gunningsbeslissing`, { bevestiging: 'ja' });
    expect(decided.status).toBe(303);
    const after = await client.get(decided.location ?? '');
    expect(visibleText(after.html)).toContain('De gunningsbeslissing is genomen: perceel L2 aan B1, perceel L3 aan B2.');
    const lotsNow = (await w.almereInkoper.get(`/api/v1/procedures/${procedure.id}`)).body.lots.map((lot: { status: string }) => lot.status);
    expect(lotsNow).toEqual(['draft', 'award-proposed', 'award-proposed']);

    const made = await w.almereInkoper.post(`/api/v1/procedures/${procedure.id}/reports`, { kind: 'evaluation' });
    expect(made.status).toBe(201);
    const withReports = await client.get(`/procedures/${procedure.id}`);
    expect(withReports.html).toContain(`href="${made.body[0].url}"`);
    expect(visibleText(withReports.html)).toContain('Beoordelingsrapport van de procedure downloaden (PDF)');
    const auditor = await (await loginPage(t, w.almereAuditor.email, PASSWORD)).get(`/procedures/${procedure.id}`);
    expect(auditor.html).toContain(`href="${made.body[0].url}"`);
    expect(auditor.html).not.toContain('gunningsbeslissing"');
  }, 60_000);
});
